// The part-of-speech model assembled by pos-model.ts must be the package's own: the same core
// model, field by field, and the same tags on sentences of every shape the extraction tags.
// Sentences are written for this test.
import { test } from "node:test";
import assert from "node:assert/strict";
import winkNLP from "wink-nlp";
import packageModel from "wink-eng-lite-web-model";
import { loadPosModel, loadWinkNLP, readCoreModel } from "./pos-model.ts";

test("readCoreModel: the core model exactly as the package's entry reads it", () => {
  assert.deepStrictEqual(readCoreModel(), (packageModel as unknown as { core: () => unknown }).core());
});

test("loadPosModel: the package's parts, the core read once", () => {
  const model = loadPosModel() as unknown as Record<string, unknown>;
  const own = packageModel as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(model).sort(), Object.keys(own).sort());
  for (const part of ["sbd", "pos", "ner", "negation", "sa", "metaCER", "featureFn"]) assert.equal(model[part], own[part], part);
  const addons = model.addons as Record<string, unknown>;
  const ownAddons = own.addons as Record<string, unknown>;
  assert.deepEqual(Object.keys(addons).sort(), Object.keys(ownAddons).sort());
  for (const addon of ["stem", "lemmatize", "readabilityStats", "wordVectors"]) assert.equal(addons[addon], ownAddons[addon], addon);
});

const SENTENCES = [
  "Armed men stormed the district jail before dawn and freed dozens of inmates.",
  "About forty prisoners escaped through a tunnel dug under the kitchen, officials said on Monday.",
  "The warden, who was wounded, told reporters that 12 of the escapees had been caught again.",
  "Police re-arrested three convicts near the border crossing late on Tuesday night.",
  "No one was hurt when the riot broke out in Block C.",
  "Hundreds of detainees were moved to a new facility in the capital's outskirts.",
  "“We heard gunshots,” a resident said – then silence; nobody knew what had happened.",
  "Guards fired tear gas; the inmates set mattresses alight and took two officers hostage.",
];

test("loadPosModel: the same tokens and tags as the package's model", () => {
  const ours = loadWinkNLP()(loadPosModel(), ["pos"]);
  const theirs = winkNLP(packageModel, ["pos"]);
  for (const sentence of SENTENCES) {
    const tags = (nlp: typeof ours) => {
      const tokens = nlp.readDoc(sentence).tokens();
      return { values: tokens.out(nlp.its.value), spaces: tokens.out(nlp.its.precedingSpaces), pos: tokens.out(nlp.its.pos) };
    };
    assert.deepEqual(tags(ours), tags(theirs), sentence);
  }
});
