#!/usr/bin/env node
// Quality gate: reads the scorer's "score: f1=… dates=…" line on stdin and fails when any score is
// below its floor in eval/floors.json, for the corpus named as the argument ("seeds", "real-dev",
// "dev", "regression"). Floors only go up: raise them when a change improves a score; lowering one
// needs a reason in the commit that does it.
import { readFileSync } from "node:fs";

const corpus = process.argv[2] ?? "seeds";
const floors = JSON.parse(readFileSync(new URL("./floors.json", import.meta.url), "utf8"))[corpus];
if (!floors) {
  console.error(`gate: no floors for corpus ${JSON.stringify(corpus)} in eval/floors.json`);
  process.exit(2);
}
const line = readFileSync(0, "utf8").trim().split("\n").pop() ?? "";
if (!line.startsWith("score:")) {
  console.error(`gate: no score line in the evaluation output: ${JSON.stringify(line)}`);
  process.exit(1);
}
const scores = Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
const failures = Object.entries(floors).filter(([name, floor]) => !(scores[name] >= floor));
for (const [name, floor] of Object.entries(floors)) {
  console.log(`gate ${corpus}: ${name} ${scores[name] ?? "missing"} (floor ${floor})${failures.some(([n]) => n === name) ? "  BELOW FLOOR" : ""}`);
}
if (failures.length) {
  console.error(`gate: ${failures.length} score(s) below their floor`);
  process.exit(1);
}
console.log("gate: every score at or above its floor");
