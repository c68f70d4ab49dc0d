import { findQuantities } from "./src/extract/quantities/index.ts";
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), findQuantities(t).map(a => `${a.rule}[${t.slice(a.start,a.end)}] ${a.value.low}-${a.value.high}~${a.value.best}${a.value.noCount?" noCount":""}`));
