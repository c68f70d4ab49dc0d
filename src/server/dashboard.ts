// Building the dashboard on demand: `npm ci` builds it (scripts/build.mjs), and `serve` and
// `start` build it through vite's JS API when it is missing, so neither shows "not built".
import { existsSync } from "node:fs";
import { join } from "node:path";
import { WEB_DIST, WEB_ROOT } from "./paths.ts";

/** True when web/dist holds a built dashboard. */
export function dashboardBuilt(dist = WEB_DIST): boolean {
  return existsSync(join(dist, "index.html"));
}

/**
 * Builds web/ into web/dist unless it is already built (`npm ci` builds it); returns the dist
 * folder, or null when it is missing and vite, a development dependency, is not installed.
 */
export async function ensureDashboard(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<string | null> {
  if (!options.force && dashboardBuilt()) return WEB_DIST;
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    options.log?.("the dashboard is not built and vite is not installed (install without --omit=dev, then `npm run build:web`); serving the API only");
    return null;
  }
  options.log?.("building the dashboard (web/ -> web/dist)…");
  await vite.build({ root: WEB_ROOT, configFile: join(WEB_ROOT, "vite.config.ts"), logLevel: "warn" });
  return WEB_DIST;
}
