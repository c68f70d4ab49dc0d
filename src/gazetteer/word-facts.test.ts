import { test } from "node:test";
import assert from "node:assert/strict";
import { facilityVocabulary } from "./facility-heads.ts";
import { getLexicon } from "./lexicon.ts";
import { tokenize } from "./tokens.ts";
import { continuesCuratedName, namesCuratedEntry, opensCuratedName, opensWorldName, startsFacilityHead } from "./word-facts.ts";
import { getWorldIndex } from "./world.ts";

const TEXT = "Gunmen stormed the Kakwangura prison near Butembo, and the al-Hol camp guards in Port-au-Prince said the SDF-run jail held 37 inmates.";

test("word facts: the remembered answers are those of the tables, asked twice", () => {
  const { prefixes, byKey } = getLexicon();
  const world = getWorldIndex();
  const { suffix, prefix, anaphor } = facilityVocabulary();
  for (let pass = 0; pass < 2; pass++) {
    for (const t of tokenize(TEXT)) {
      assert.equal(opensCuratedName(t), prefixes.has(t.key), t.text);
      assert.equal(namesCuratedEntry(t), byKey.has(t.key), t.text);
      assert.equal(opensWorldName(t), world.byKey.has(t.fold) || world.prefixes.has(t.fold), t.text);
      assert.equal(startsFacilityHead(t), suffix.has(t.key) || prefix.has(t.key) || anaphor.has(t.key), t.text);
    }
  }
});

test("word facts: every word after the first of a curated key may continue a name", () => {
  for (const key of getLexicon().prefixes) {
    for (const word of key.split(" ").slice(1)) {
      for (const t of tokenize(word)) if (t.key === word) assert.ok(continuesCuratedName(t), key);
    }
  }
  // common words that stand in no curated name after its first word
  const never = tokenize("yesterday said").filter((t) => !continuesCuratedName(t));
  assert.equal(never.length, 2);
});
