// The world-cities index as read from its prebuilt file (world-file.ts): a read-only Map that
// builds nothing up front. A one-report command looks up a few hundred names; building 170k
// place objects and a 150k-entry hash table for them would cost more than the rest of the run.
// Lookups binary-search the sorted keys in place (no string is cut out of the file to compare);
// a place object is made the first time it is asked for and then reused, since callers compare
// places by identity. A long run (a server, a large ingest) soon passes SEARCHES_BEFORE_HASHING
// and then looks keys up in an ordinary hash table.
import type { WorldPlace } from "./world.ts";

/** Binary searches before the keys get a hash table: a few ms, repaid within a few thousand reports. */
export const SEARCHES_BEFORE_HASHING = 20_000;

/** What the file holds (see world-file.ts): flat columns, decoded one entry at a time. */
export interface WorldColumns {
  /** Every key, sorted by UTF-16 code unit (the order of `<`), back to back; key k is keyText[keyStart[k]..keyStart[k + 1]). */
  keyText: string;
  keyStart: Uint32Array;
  /** order[r] = number of the r-th key in the built Map's iteration order. */
  order: Uint32Array;
  /** The places of key k, in order: refs[listStart[k]..listStart[k + 1]). */
  listStart: Uint32Array;
  refs: Uint32Array;
  /** UTF-8 name of place p: bytes nameStart[p]..nameStart[p + 1] of nameText. */
  nameText: Buffer;
  nameStart: Uint32Array;
  /** Three per place: kind, country and admin1 code, as positions in `words`. */
  fields: Uint32Array;
  /** Two per place: latitude and longitude (NaN for a division without a centre). */
  coordinates: Float64Array;
  words: string[];
  /** The town grid (town-cells.ts): sorted cell numbers; the towns of cell i are cellRefs[cellStart[i]..cellStart[i + 1]). */
  cellIds: Uint32Array;
  cellStart: Uint32Array;
  cellRefs: Uint32Array;
}

export class PrebuiltPlaceMap extends Map<string, WorldPlace[]> {
  #columns: WorldColumns;
  #places: (WorldPlace | undefined)[];
  #lists: (WorldPlace[] | undefined)[];
  #searches = 0;
  #hashed: Map<string, number> | null = null;
  #cells = new Map<number, WorldPlace[]>();

  constructor(columns: WorldColumns) {
    super();
    this.#columns = columns;
    this.#places = new Array(columns.nameStart.length - 1);
    this.#lists = new Array(columns.keyStart.length - 1);
  }

  #key(k: number): string {
    return this.#columns.keyText.slice(this.#columns.keyStart[k], this.#columns.keyStart[k + 1]);
  }

  /** Sign of (key k) - `key` in code-unit order, without cutting key k out of the text. */
  #compare(k: number, key: string): number {
    const { keyText, keyStart } = this.#columns;
    const from = keyStart[k];
    const length = keyStart[k + 1] - from;
    const shorter = Math.min(length, key.length);
    for (let i = 0; i < shorter; i++) {
      const difference = keyText.charCodeAt(from + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  /** Number of `key` among the sorted keys, or -1. */
  #find(key: string): number {
    if (this.#hashed) return this.#hashed.get(key) ?? -1;
    if (++this.#searches > SEARCHES_BEFORE_HASHING) {
      this.#hashed = new Map();
      for (let k = 0; k < this.#lists.length; k++) this.#hashed.set(this.#key(k), k);
      return this.#hashed.get(key) ?? -1;
    }
    let low = 0;
    let high = this.#lists.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.#compare(mid, key);
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  #place(p: number): WorldPlace {
    let place = this.#places[p];
    if (!place) {
      const { nameText, nameStart, fields, coordinates, words } = this.#columns;
      place = {
        name: nameText.toString("utf8", nameStart[p], nameStart[p + 1]),
        kind: words[fields[3 * p]] as WorldPlace["kind"],
        country: words[fields[3 * p + 1]],
        admin1Code: words[fields[3 * p + 2]],
        lat: coordinates[2 * p],
        lon: coordinates[2 * p + 1],
      };
      this.#places[p] = place;
    }
    return place;
  }

  #list(k: number): WorldPlace[] {
    let list = this.#lists[k];
    if (!list) {
      const { listStart, refs } = this.#columns;
      list = [];
      for (let i = listStart[k]; i < listStart[k + 1]; i++) list.push(this.#place(refs[i]));
      this.#lists[k] = list;
    }
    return list;
  }

  /** The towns of one cell of the town grid, in index order (see town-cells.ts). */
  townsInCell(cell: number): WorldPlace[] {
    let towns = this.#cells.get(cell);
    if (!towns) {
      const { cellIds, cellStart, cellRefs } = this.#columns;
      towns = [];
      let low = 0;
      let high = cellIds.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        if (cellIds[mid] === cell) {
          for (let i = cellStart[mid]; i < cellStart[mid + 1]; i++) towns.push(this.#place(cellRefs[i]));
          break;
        }
        if (cellIds[mid] < cell) low = mid + 1;
        else high = mid - 1;
      }
      this.#cells.set(cell, towns);
    }
    return towns;
  }

  override get(key: string): WorldPlace[] | undefined {
    const k = this.#find(key);
    return k < 0 ? undefined : this.#list(k);
  }

  override has(key: string): boolean {
    return this.#find(key) >= 0;
  }

  override *entries(): MapIterator<[string, WorldPlace[]]> {
    for (const k of this.#columns.order) yield [this.#key(k), this.#list(k)];
  }

  override *keys(): MapIterator<string> {
    for (const k of this.#columns.order) yield this.#key(k);
  }

  override *values(): MapIterator<WorldPlace[]> {
    for (const k of this.#columns.order) yield this.#list(k);
  }

  override [Symbol.iterator](): MapIterator<[string, WorldPlace[]]> {
    return this.entries();
  }

  override forEach(callback: (value: WorldPlace[], key: string, map: Map<string, WorldPlace[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override set(): this {
    throw new TypeError("the world-cities index is read-only");
  }

  override delete(): boolean {
    throw new TypeError("the world-cities index is read-only");
  }

  override clear(): void {
    throw new TypeError("the world-cities index is read-only");
  }

  static {
    // Map's `size` is an accessor of Map.prototype that reads the (empty) inherited table.
    Object.defineProperty(this.prototype, "size", {
      get(this: PrebuiltPlaceMap) {
        return this.#lists.length;
      },
    });
  }
}
