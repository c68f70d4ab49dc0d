// Building the dashboard on demand: `escapewatch start` works from a fresh clone with no
// separate build step, through vite's JS API.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { WEB_DIST, WEB_ROOT } from "./paths.ts";

/** True when web/dist holds a built dashboard. */
export function dashboardBuilt(dist = WEB_DIST): boolean {
  return existsSync(join(dist, "index.html"));
}

/** Builds web/ into web/dist unless it is already built; returns the dist folder. */
export async function ensureDashboard(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  if (!options.force && dashboardBuilt()) return WEB_DIST;
  options.log?.("building the dashboard (web/ -> web/dist)…");
  const { build } = await import("vite");
  await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, "vite.config.ts"), logLevel: "warn" });
  return WEB_DIST;
}
