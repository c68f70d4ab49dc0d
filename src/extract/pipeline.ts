// PLACEHOLDER (owned by the extraction work): runs every extraction stage over a cleaned Doc.
import type { Doc } from "../model/doc.ts";
import type { Extraction } from "../store/store.ts";

/** Annotates `doc` in place and returns the incident mentions and facility holdings it tells. */
export function extract(doc: Doc): Extraction {
  void doc;
  return { mentions: [], holdings: [] };
}
