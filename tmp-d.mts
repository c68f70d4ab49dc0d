import { findDates } from "./src/extract/dates/index.ts";
const p = process.argv[2] === "null" ? null : process.argv[2];
for (const t of process.argv.slice(3)) console.log(JSON.stringify(t), findDates(t, p).map(a => `${a.rule}[${t.slice(a.start,a.end)}] ${a.value.earliest}..${a.value.latest}${a.value.exact?" exact":""}${a.value.relative?" rel":""}`));
