import type { parseHTML } from "linkedom";
import type { Readability } from "@mozilla/readability";

/** { parseHTML, Readability }, loaded on the first call. */
export declare function domLibraries(): { parseHTML: typeof parseHTML; Readability: typeof Readability };
