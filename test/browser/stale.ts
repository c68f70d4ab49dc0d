// Whether the built dashboard is older than its sources, so browser tests rebuild it first.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { WEB_DIST, WEB_ROOT } from "../../src/server/paths.ts";

/** True when a file under web/ is newer than the built index.html: the build is stale. */
export function dashboardStale(): boolean {
  const built = join(WEB_DIST, "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = ["index.html", "vite.config.ts", ...readdirSync(join(WEB_ROOT, "src")).map((f) => join("src", f))];
  return sources.some((f) => statSync(join(WEB_ROOT, f)).mtimeMs > builtAt);
}
