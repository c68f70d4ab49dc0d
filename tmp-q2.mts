import { readFileSync } from "node:fs";
import { findQuantities } from "./src/extract/quantities/index.ts";
for (const f of process.argv.slice(2)) { const t = readFileSync(f, "utf8");
 console.log(f, findQuantities(t).filter(a=>a.rule!=="quantity.article").map(a => `${a.rule}[${t.slice(a.start,a.end)}]<${t.slice(a.end,a.end+15).replace(/\n/g," ")}>`).join("\n  ")); }
