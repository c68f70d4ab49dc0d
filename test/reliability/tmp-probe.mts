import { mkdirSync, writeFileSync, symlinkSync, rmSync } from "node:fs";
import { runCli } from "/work/main/test/reliability/cli.ts";
const d = "/tmp/rel/loop"; rmSync(d, { recursive: true, force: true }); mkdirSync(`${d}/in/a`, { recursive: true });
writeFileSync(`${d}/in/one.txt`, "Gunmen stormed Adra prison on Monday and 30 inmates escaped, officials said.");
symlinkSync("..", `${d}/in/a/up`); symlinkSync("..", `${d}/in/a/up2`);
const t = Date.now();
const r = await runCli(["ingest", "--db", `${d}/x.db`, `${d}/in`]);
console.log(Date.now() - t, r.code, r.timedOut, r.stdout, r.stderr.slice(0, 1500));
