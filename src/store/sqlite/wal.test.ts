import { test } from "node:test";
import assert from "node:assert/strict";
import { switchToWal, WAL_SWITCH_ATTEMPTS } from "./wal.ts";

/** A connection whose WAL switch fails with `errors` (in order) before it succeeds. */
function connection(errors: Array<{ code: string }>) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    pragma(source: string) {
      assert.equal(source, "journal_mode = WAL");
      const error = errors[calls++];
      if (error) throw Object.assign(new Error(error.code), error);
      return [{ journal_mode: "wal" }];
    },
  };
}

test("the WAL switch is retried while SQLite answers BUSY, and only then", () => {
  const busy = { code: "SQLITE_BUSY" };
  const table: Array<[string, Array<{ code: string }>, number, string | null]> = [
    ["no contention", [], 1, null],
    ["busy twice, then switched", [busy, { code: "SQLITE_BUSY_SNAPSHOT" }], 3, null],
    ["busy on every attempt", Array(WAL_SWITCH_ATTEMPTS).fill(busy), WAL_SWITCH_ATTEMPTS, "SQLITE_BUSY"],
    ["another error is not retried", [{ code: "SQLITE_CORRUPT" }], 1, "SQLITE_CORRUPT"],
  ];
  for (const [what, errors, calls, thrown] of table) {
    const db = connection(errors);
    if (thrown) assert.throws(() => switchToWal(db, 0), { code: thrown }, what);
    else switchToWal(db, 0);
    assert.equal(db.calls, calls, what);
  }
});
