// Where the server finds its files, relative to this checkout (not the working directory), so
// `escapewatch start` works from anywhere.
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The vite project root of the dashboard. */
export const WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));
/** The built dashboard, served at /. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));
/** Reports a new user sees first. */
export const SAMPLES_DIR = fileURLToPath(new URL("../../samples/", import.meta.url));
