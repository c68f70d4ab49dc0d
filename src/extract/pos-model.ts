// wink-nlp's English model (wink-eng-lite-web-model), assembled for the part-of-speech layer
// (verb-groups.ts) the first time a sentence needs tags, not when the extraction modules load: a
// command or a report that never tags pays nothing for it.
//
// The package's own entry (dist/model.js) reads its 3 MB core model as a parsed JSON module and
// then deep-copies it (JSON.stringify + JSON.parse) on every read, and loads the lemmatizer's
// exception lists, which tagging never uses: together some 40 ms of a one-report command. Here the
// core model is parsed once from its file and prepared exactly as the package's read-core-model.js
// and load-core-model.js prepare it; every other part is the package's own file. pos-model.test.ts
// checks the result against the package's entry, so an upgrade that changes the layout fails there.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type WinkNLP from "wink-nlp";
export { loadWinkNLP } from "./wink-library.cjs";

/** wink-nlp's model argument. */
export type WinkModel = Parameters<typeof WinkNLP>[0];

/** The core model's JSON, as the package's read-core-model.js finds it. */
const CORE_MODEL = "languages/cur/models/eng-core-web-model.json";

/** Required on first use: Node's own loader reads the model's files (they are not in the CLI bundle). */
const require = createRequire(import.meta.url);

/** The folder of the package's compiled files: its entry, dist/model.js, lives there. */
function modelDir(): string {
  return dirname(require.resolve("wink-eng-lite-web-model"));
}

/** The base64 packed arrays of the core model as 32-bit words (read-core-model.js's bufferFromBase64). */
function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, "base64");
  // A fresh buffer of its own: the view must start on a 4-byte boundary.
  const words = new Uint32Array(bytes.length / Uint32Array.BYTES_PER_ELEMENT);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

interface CoreFeature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  pos: { hash: Record<string, number> };
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, CoreFeature> & { lexeme: CoreFeature; posClusters: { list: Array<string | Set<number>> } };
}

/**
 * The core model as load-core-model.js returns it, from one parse of its file: lookup hashes for
 * the features packed by index, the packed arrays unpacked, the POS clusters as sets.
 */
export function readCoreModel(dir = modelDir()): CoreModel {
  const model = JSON.parse(readFileSync(join(dir, CORE_MODEL), "utf8")) as CoreModel;
  const { packing, features, pos } = model;
  // 1. read-core-model.js: unpack, index every list feature, turn the clusters into sets.
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  // Layout of a feature: [.., mask, shift, 0 when its values are listed, 1 when it is extensible].
  for (const f in packing.layout) {
    if (packing.layout[f][3] !== 0) continue;
    const hash: Record<string, number> = Object.create(null);
    features[f].list.forEach((value, k) => (hash[value] = k));
    features[f].hash = hash;
  }
  const lexemes: Record<string, number> = Object.create(null);
  features.lexeme.list.forEach((value, k) => (lexemes[value] = k));
  features.lexeme.hash = lexemes;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split("_").map((tag) => pos.hash[tag] || 0));
  // 2. load-core-model.js: sizes of the list features, and which features are extensible.
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f];
    if (layout[3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/**
 * The model object wink-nlp takes, as dist/model.js builds it, with the core read by
 * readCoreModel and the add-ons (stemmer, lemmatizer, readability statistics: never asked for by
 * tagging) loaded only if something asks for them.
 */
export function loadPosModel(): WinkModel {
  const dir = modelDir();
  const part = (file: string) => require(join(dir, file));
  const addons = Object.create(null);
  for (const [name, file] of [["stem", "porter-stemmer.js"], ["lemmatize", "lemmatize.js"], ["readabilityStats", "readability-stats.js"]]) {
    Object.defineProperty(addons, name, { enumerable: true, get: () => part(file) });
  }
  addons.wordVectors = undefined;
  const model = Object.create(null);
  Object.assign(model, {
    core: () => readCoreModel(dir),
    sbd: part("load-sbd-model.js"),
    pos: part("load-pos-model.js"),
    ner: part("load-ner-model.js"),
    negation: part("load-negation-model.js"),
    sa: part("load-sa-model.js"),
    metaCER: part("load-cer-meta-model.js"),
    featureFn: part("feature.js"),
    addons,
  });
  return model as WinkModel;
}
