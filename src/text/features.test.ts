import { test } from "node:test";
import assert from "node:assert/strict";
import stopwordData from "./data/stopwords-en.json" with { type: "json" };
import { featuresOf, isStopwordCode, keyOf, sameLetters } from "./features.ts";
import { normalizeSpace, repeatKey, words } from "./normalize.ts";
import { splitUnits, unitText } from "./units.ts";

// The indexed features must say what the string versions say: words(), stop words after
// stripping non-word characters, Title Case over long words, closing punctuation, repeat keys.
const STOPWORDS = new Set(stopwordData.words);
function reference(line: string) {
  const text = normalizeSpace(line);
  const tokens = words(text);
  const long = tokens.map((t) => t.replace(/^[^\p{L}\p{N}]+/u, "")).filter((t) => t.length > 3);
  let linkChars = 0;
  for (const m of text.matchAll(/\b(https?:\/\/|www\.)\S+/gi)) linkChars += m[0].length;
  return {
    words: tokens.length,
    stopwords: tokens.filter((t) => STOPWORDS.has(t.toLowerCase().replace(/^\W+|\W+$/g, ""))).length,
    longWords: long.length,
    capitalised: long.filter((t) => /^\p{Lu}/u.test(t)).length,
    endsSentence: /[.!?…]["”’')\]]*$/.test(text),
    length: text.length,
    linkChars,
  };
}

const LINES = [
  "Armed men attacked the jail on Sunday, officials said.",
  "  Armed\u00a0 men\u200b attacked   the jail\t on Sunday  ",
  "Gunmen Free Inmates in Night Raid on Provincial Jail",
  "(The prison) was “stormed” by gunmen!”",
  "It's the guards' fault, they said…",
  "Read more: https://example.org/a/b and www.example.com/x",
  "Élan Vital Über Ölstraße attacked",
  "— – · •",
  "",
  "i.e. THE U.S. AND UK: WHAT? (AFP)",
  "Ѐкран і детенція: В'язниця",
  // Runs of lower-case letters are read by a shortcut: words around it must count the same.
  "don't they'll the_cat co-operate what's ab1cd AbcDef wwwhat hthe",
  "see:http://a.example/b and (www.example.org) or xhttp://c.example",
  "the THE The tHe an AN of OF whichever themselves",
];

for (const line of LINES) {
  test(`indexed features match the string versions: ${JSON.stringify(line)}`, () => {
    const { key, spaced, ...features } = featuresOf(line, 0, line.length);
    assert.deepEqual(features, reference(line));
    assert.equal(spaced, normalizeSpace(line) === line);
    assert.equal(key === 0, repeatKey(line) === "");
  });
}

const SAME_KEY: Array<[string, string]> = [
  ["Smoke rises over the camp (AFP)", "smoke rises over the camp AFP"],
  ["Gunmen free 40 inmates", "GUNMEN FREE 40 INMATES!"],
  ["Ölstraße prison", "ölstraße   PRISON"],
];
const OTHER_KEY: Array<[string, string]> = [
  ["Gunmen free 40 inmates", "Gunmen free 41 inmates"],
  ["Smoke rises over the camp", "Smoke rises over the camps"],
];
for (const [a, b] of SAME_KEY) {
  test(`same repeat key: ${a} / ${b}`, () => {
    assert.equal(keyOf(a), keyOf(b));
    assert.equal(sameLetters(a, 0, a.length, b, 0, b.length), true);
  });
}
for (const [a, b] of OTHER_KEY) {
  test(`different repeat keys: ${a} / ${b}`, () => {
    assert.notEqual(keyOf(a), keyOf(b));
    assert.equal(sameLetters(a, 0, a.length, b, 0, b.length), false);
  });
}

const SPLITS: Array<[string, string[]]> = [
  ["Title\n\nLine one.\nLine two.", ["Title", "Line one.", "Line two."]],
  ["Armed men attacked the\njail on Sunday.", ["Armed men attacked the jail on Sunday."]],
  ["They freed\nmore than forty inmates.", ["They freed more than forty inmates."]],
  ["One,\nTwo.\r\nThree\rFour", ["One, Two.", "Three", "Four"]],
  ["\u200b\n  \nText\u00a0 here  \n", ["Text here"]],
  // Line ends found by index: CR and LF in every order, blank lines of each, the last line unended.
  ["Head\r\rBody one.\n\rBody two.\r\n\r\nEnd", ["Head", "Body one.", "Body two.", "End"]],
  ["\r\n\r\n\n", []],
];
for (const [raw, expected] of SPLITS) {
  test(`splits units by index: ${JSON.stringify(raw)}`, () => {
    assert.deepEqual(splitUnits(raw).map((u) => unitText(raw, u)), expected);
  });
}

test("counts the blank lines before each unit", () => {
  assert.deepEqual(splitUnits("A\n\n\nB\nC").map((u) => u.blankBefore), [0, 2, 0]);
  assert.deepEqual(splitUnits("A\r\n\r\rB\n\r\nC").map((u) => u.blankBefore), [0, 2, 1]);
});

test("the stop-word table answers as the stop-word list for every code of up to three letters and near every stop word", () => {
  const codeOf = (word: string) => [...word].reduce((code, ch) => code * 27 + (ch.charCodeAt(0) - 96), 0);
  const listedWords = stopwordData.words.filter((w) => /^[a-z]+$/.test(w));
  const listed = new Set(listedWords.map(codeOf));
  for (let code = 1; code < 27 ** 3; code++) assert.equal(isStopwordCode(code), listed.has(code), `code ${code}`);
  for (const word of listedWords) assert.equal(isStopwordCode(codeOf(word)), true, word);
  // Words one letter away from a stop word ("thew", "tha", "againsz") land near it in the table.
  for (const word of listedWords) for (const tail of ["a", "s", "z"]) {
    for (const near of [word + tail, word.slice(0, -1) + tail]) assert.equal(isStopwordCode(codeOf(near)), listed.has(codeOf(near)), near);
  }
});

// Generated lines: every kind of token the scan treats apart (lower-case words, words that open
// with "h" or "w", capitals, digits, underscores, apostrophes, links, letters outside ASCII, stop
// words in every case) glued by every kind of space, against the string versions.
const TOKENS = [
  "the", "of", "and", "which", "whichever", "themselves", "between", "however", "he", "who", "why", "we", "hthe",
  "Through", "according", "accordingly", "without", "withouts", "several", "wwwhat", "httpx", "www", "http",
  "The", "OF", "wHo", "prison", "inmates,", "(AFP)", "“jail”", "guards'", "it's", "co-operate", "the_cat", "ab1cd",
  "x2", "42", "3.5", "1,200", "http://a.example/b", "https://b.example", "www.example.org", "(www.example.com)",
  "xhttp://c.example", "see:http://d.example", "Élan", "über", "Ѐкран", "в'язниця", "—", "…", "!", "i.e.", "U.S.",
];
const SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u200b", " \n "];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** FNV-1a over the folded letters and digits: what the repeat key is defined as. */
function referenceKey(line: string): number {
  let hash = 0x811c9dc5;
  let letters = 0;
  for (const ch of line.split("")) {
    if (!/^[\p{L}\p{N}]$/u.test(ch)) continue;
    letters += 1;
    hash = Math.imul(hash ^ ch.toLowerCase().charCodeAt(0), 0x01000193);
  }
  return letters === 0 ? 0 : (hash >>> 0) + 1;
}

test("indexed features match the string versions on generated lines", () => {
  const random = seededRandom(16);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  for (let n = 0; n < 3000; n++) {
    const count = 1 + Math.floor(random() * 12);
    // Units end at their last token (splitUnits trims them); a title may open with spaces.
    let line = random() < 0.2 ? pick(SPACES) : "";
    for (let k = 0; k < count; k++) line += (k > 0 ? pick(SPACES) : "") + pick(TOKENS);
    const { key, spaced, ...features } = featuresOf(line, 0, line.length);
    assert.deepEqual(features, reference(line), JSON.stringify(line));
    assert.equal(spaced, normalizeSpace(line) === line, JSON.stringify(line));
    assert.equal(key, referenceKey(line), JSON.stringify(line));
  }
});
