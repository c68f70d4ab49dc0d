// Name normalisation: one key per name so that the many Latin transliterations of the same
// Arabic, Kurdish or Turkish place collide (Hasakah / Hassakeh / al-Hasaka, Ghwayran / Gweiran,
// al-Hol / al-Hawl, Deir ez-Zor / Deir Ezzor) while different places stay apart (Raqqa / Ramadi,
// Hama / Homs, Iraq / Iran, Niger / Nigeria). The same function keys the gazetteer entries and
// the words of the text, so both sides always agree.

/** Arabic definite articles (and "the"), dropped wherever they stand as a word or a hyphen prefix. */
export const ARTICLES: ReadonlySet<string> = new Set([
  "al", "el", "ul", "the", "ar", "as", "ash", "ad", "az", "at", "an", "ez", "es", "ed", "er",
]);

/** Characters that are not letters in names but spell the same sound or nothing at all. */
const APOSTROPHES = /['’‘ʼʿʾ`´ʻ]/g;
const SPECIAL_LETTERS: Record<string, string> = { ı: "i", ł: "l", ø: "o", ß: "ss", æ: "ae", œ: "oe", đ: "d", ð: "d", þ: "th" };
const SPECIAL_LETTER_PATTERN = /[ıłøßæœđðþ]/g;
const COMBINING_MARKS = /\p{M}/gu;
const NON_ALPHANUMERIC = /[^a-z0-9]+/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Folds case, diacritics and apostrophes: "Serê Kaniyê" -> "sere kaniye", "Sina'a" -> "sinaa". */
export function foldText(s: string): string {
  let out = s.toLowerCase();
  if (NON_ASCII.test(out)) {
    out = out.replace(SPECIAL_LETTER_PATTERN, (c) => SPECIAL_LETTERS[c] ?? c);
    out = out.normalize("NFKD").replace(COMBINING_MARKS, "");
  }
  return out.replace(APOSTROPHES, "");
}

/** Words shorter than this keep their final vowel and -h (so "Hama" and "Homs" stay apart). */
const MIN_LENGTH_FOR_ENDING_FOLD = 4;

const VOWELS_BEFORE_FINAL_H = new Set(["a", "e", "i", "u"]);
const SUN_LETTERS = new Set(["z", "s", "d", "t", "r", "n"]);
/** Shortest word from which a glued assimilated article is cut ("ezzor" -> "zor"). */
const MIN_LENGTH_FOR_GLUED_ARTICLE = 5;

/**
 * The phonetic key of one lower-case ASCII word. Steps, in order (each relies on the last):
 *  1. Arabic digraphs and y: gh->g, kh->k, dh->d, ck->k, q->k, y->i (so ay/ey become ai/ei);
 *  2. an assimilated article glued on ("ezzor" -> "zor") when the word starts e + doubled sun letter;
 *  3. vowel spellings: ee->i, ou/oo->u, aw/ow->u, uw->w (Ghuwayran), ai/ei->e (Ayn/Ain, Gweiran),
 *     o->u (Tadmor/Tadmur, Zour/Zor); doubled letters collapse (Hassakeh, Raqqa, Issa);
 *  4. endings: vowel + final h loses the h (Hasakah), final e becomes a (Hassake -> hasaka).
 * Written as character loops: it runs for every word of every document.
 */
export function phoneticWord(word: string): string {
  // 1. consonant digraphs and y
  let s = "";
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const next = word[i + 1];
    if ((c === "g" || c === "k" || c === "d") && next === "h") { s += c; i++; }
    else if (c === "c" && next === "k") { s += "k"; i++; }
    else if (c === "q") s += "k";
    else if (c === "y") s += "i";
    else s += c;
  }
  // 2. glued article
  if (s.length >= MIN_LENGTH_FOR_GLUED_ARTICLE && s[0] === "e" && s[1] === s[2] && SUN_LETTERS.has(s[1])) s = s.slice(2);
  // 3. vowels, then doubled letters
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const next = s[i + 1];
    let v = c;
    if (c === "e" && next === "e") { v = "i"; i++; }
    else if (c === "o" && (next === "u" || next === "o")) { v = "u"; i++; }
    else if ((c === "a" || c === "o") && next === "w") { v = "u"; i++; }
    else if (c === "u" && next === "w") { v = "w"; i++; }
    else if ((c === "a" || c === "e") && next === "i") { v = "e"; i++; }
    else if (c === "o") v = "u";
    if (out.length > 0 && out[out.length - 1] === v) continue;
    out += v;
  }
  // 4. endings
  if (out.length >= MIN_LENGTH_FOR_ENDING_FOLD) {
    if (out[out.length - 1] === "h" && VOWELS_BEFORE_FINAL_H.has(out[out.length - 2])) out = out.slice(0, -1);
    if (out[out.length - 1] === "e") out = out.slice(0, -1) + "a";
  }
  return out;
}

/**
 * Normalises a place, facility or actor name to its matching key.
 * @example normalizeName("Al-Hassakeh") === normalizeName("Hasakah") // "hasaka"
 * @example normalizeName("Ras al-Ain") === normalizeName("Ras al-Ayn") // "ras en"
 */
export function normalizeName(s: string): string {
  const parts = foldText(s).split(NON_ALPHANUMERIC);
  const kept: string[] = [];
  for (const part of parts) {
    if (part === "" || ARTICLES.has(part)) continue;
    kept.push(phoneticWord(part));
  }
  return kept.join(" ");
}

/**
 * The light key used for the bulk world gazetteer: case, diacritics, apostrophes and articles
 * folded, but no phonetic folding (over 170k names it would merge unrelated towns).
 * @example foldName("Al Ḩasakah") === "hasakah"
 */
export function foldName(s: string): string {
  const parts = foldText(s).split(NON_ALPHANUMERIC);
  let out = "";
  for (const part of parts) {
    if (part === "" || ARTICLES.has(part)) continue;
    out = out === "" ? part : `${out} ${part}`;
  }
  return out;
}

/**
 * The key of one text token, which may carry hyphen-joined parts ("al-Hasaka", "Croix-des-Bouquets").
 * The same function as normalizeName, named for its use: an article alone ("Al", "the") yields "".
 */
export const tokenKey = normalizeName;

/** A stable id from a name: "Kakwangura prison" -> "kakwangura-prison" (keys the words first). */
export function slugOf(key: string): string {
  return key.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
