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

/**
 * The phonetic key of one lower-case ASCII word. Steps, in order (each one relies on the last):
 *  1. digraphs of Arabic letters: gh->g, kh->k, dh->d, q->k, ck->k;
 *  2. y->i, so ay/ey become ai/ei;
 *  3. an assimilated article glued to the word ("ezzor" -> "zor") when a word starts e + doubled sun letter;
 *  4. vowel spellings: ee->i, ou/oo->u, aw/ow->o, uw->w (Ghuwayran), ai/ei->e (Ayn/Ain, Gweiran);
 *  5. o->u (Tadmor/Tadmur, Zour/Zor);
 *  6. doubled letters collapse (Hassakeh, Raqqa, Issa);
 *  7. endings: vowel + final h loses the h (Hasakah), final e becomes a (Hassake -> hasaka).
 */
export function phoneticWord(word: string): string {
  let w = word;
  w = w.replace(/gh/g, "g").replace(/kh/g, "k").replace(/dh/g, "d").replace(/ck/g, "k").replace(/q/g, "k");
  w = w.replace(/y/g, "i");
  w = w.replace(/^e([zsdtrn])\1(?=[a-z]{2})/, "$1");
  w = w.replace(/ee/g, "i").replace(/ou|oo/g, "u").replace(/aw|ow/g, "o").replace(/uw/g, "w").replace(/ai|ei/g, "e");
  w = w.replace(/o/g, "u");
  w = w.replace(/([a-z])\1+/g, "$1");
  if (w.length >= MIN_LENGTH_FOR_ENDING_FOLD) {
    w = w.replace(/([aeiu])h$/, "$1");
    w = w.replace(/e$/, "a");
  }
  return w;
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
 * The key of one text token, which may carry hyphen-joined parts ("al-Hasaka", "Croix-des-Bouquets").
 * The same function as normalizeName, named for its use: an article alone ("Al", "the") yields "".
 */
export const tokenKey = normalizeName;

/** A stable id from a name: "Kakwangura prison" -> "kakwangura-prison" (keys the words first). */
export function slugOf(key: string): string {
  return key.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
