import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runStoreContract } from "../store.contract.ts";
import { runStoreFilterContract } from "../store.filter-contract.ts";
import { openStore } from "../open.ts";
import { MIGRATIONS } from "./migrations.ts";
import { SqliteStore } from "./sqlite-store.ts";

const scratch = mkdtempSync(join(tmpdir(), "escapewatch-store-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
let files = 0;

runStoreContract("sqlite :memory:", () => openStore(":memory:"));
runStoreContract("sqlite file", () => openStore(join(scratch, `contract-${files++}.db`)));
runStoreFilterContract("sqlite :memory:", () => openStore(":memory:"));

test("migrations are numbered 1..n in order and each is recorded once", async () => {
  assert.deepEqual(
    MIGRATIONS.map((m) => m.version),
    MIGRATIONS.map((_, i) => i + 1),
  );
  const path = join(scratch, "migrations.db");
  const store = new SqliteStore(path);
  await store.migrate();
  await store.migrate();
  assert.deepEqual(store.appliedMigrations(), MIGRATIONS.map((m) => m.version));
  await store.close();
  const reopened = await openStore(path);
  assert.equal(await reopened.countDocuments(), 0);
  await reopened.close();
});

test("a file store creates its directory", async () => {
  const store = await openStore(join(scratch, "nested", "dir", "ew.db"));
  assert.equal(await store.countDocuments(), 0);
  await store.close();
});

/** Resolves to the exit code of `node --import tsx script ...args`. */
function runNode(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

test("two processes adding 200 documents each to the same file both succeed", async () => {
  const path = join(scratch, "concurrent.db");
  const writer = fileURLToPath(new URL("./concurrent-writer.ts", import.meta.url));
  const results = await Promise.all([runNode(writer, [path, "alpha", "200"]), runNode(writer, [path, "beta", "200"])]);
  for (const result of results) assert.equal(result.code, 0, result.stderr);
  const store = await openStore(path);
  assert.equal(await store.countDocuments(), 400);
  assert.deepEqual(await store.dirtyBlocks(), ["escape|alpha", "escape|beta"]);
  assert.equal((await store.mentionsInBlocks(["escape|alpha", "escape|beta"])).length, 400);
  await store.close();
});
