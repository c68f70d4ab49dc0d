// Verb groups: who did what. A part-of-speech layer (wink-nlp's English model) tags the sentence
// of a trigger verb, and the subject is read off the tags rather than off a character window:
// "Prisoners in the city of Hama took control of the prison" has "Prisoners" as its subject,
// "Rebels stormed the jail, freed the prisoners and took control of it" has "Rebels" (the
// subject is shared across coordinated verbs). Only sentences that need it are tagged, once.
import type { Span } from "../model/doc.ts";
import { loadPosModel, loadWinkNLP } from "./pos-model.ts";

export interface TaggedToken extends Span {
  /** Universal part-of-speech tag: NOUN, PROPN, VERB, AUX, ADP, DET, PRON, CCONJ, PUNCT ... */
  pos: string;
  lower: string;
}

/** The subject of a verb: its noun phrase and the head word that names who acted. */
export interface Subject {
  phrase: Span;
  head: TaggedToken;
}

let tagger: { tag: (sentence: string) => Array<{ value: string; spaces: string; pos: string }> } | null = null;

/** Loads wink-nlp and its model on first use (about 100 ms of CPU once per process). */
function loadTagger() {
  if (tagger) return tagger;
  const nlp = loadWinkNLP()(loadPosModel(), ["pos"]);
  const its = nlp.its;
  tagger = {
    tag(sentence) {
      const tokens = nlp.readDoc(sentence).tokens();
      const values = tokens.out(its.value) as string[];
      const spaces = tokens.out(its.precedingSpaces) as string[];
      const tags = tokens.out(its.pos) as string[];
      return values.map((value, i) => ({ value, spaces: spaces[i], pos: tags[i] }));
    },
  };
  return tagger;
}

/** Tags `text[sentence.start, sentence.end)` and returns its tokens with offsets into `text`. */
export function tagSentence(text: string, sentence: Span): TaggedToken[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: TaggedToken[] = [];
  let at = 0;
  for (const t of loadTagger().tag(body)) {
    at += t.spaces.length;
    // The tokenizer keeps the characters of the text; should it ever not, find the token again.
    if (body.slice(at, at + t.value.length) !== t.value) {
      const found = body.indexOf(t.value, at);
      if (found < 0) continue;
      at = found;
    }
    if (t.pos !== "SPACE") out.push({ start: sentence.start + at, end: sentence.start + at + t.value.length, pos: t.pos, lower: t.value.toLowerCase() });
    at += t.value.length;
  }
  return out;
}

/** Tags that may stand between a subject and its verb: "have", "reportedly", "not". */
const BETWEEN_SUBJECT_AND_VERB = new Set(["AUX", "ADV", "PART"]);
/** Tags a subject noun phrase is made of, prepositional phrases included ("prisoners in the city of Hama"). */
const NOUN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PART"]);
const RELATIVE = new Set(["who", "that", "which"]);
/** Words that open a clause even when tagged as prepositions: "after inmates had taken control". */
const SUBORDINATORS = new Set(["after", "before", "when", "while", "as", "since", "until", "because", "although", "though", "if", "once", "whereas"]);
/** Heads that only count or group those they are "of": "a group of inmates", "dozens of prisoners". */
const QUANTIFIER_HEADS = /^(?:group|groups|number|dozens|hundreds|thousands|scores|some|several|many|most|majority|band|handful|gang|gangs|members|part|all|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)$/;
/** How many coordinated verbs back a shared subject is looked for. */
const MAX_COORDINATION = 4;

/** The subject of the verb starting at `verb.start`, or null when the tags show none. */
export function subjectOf(tokens: TaggedToken[], verb: Span): Subject | null {
  const i = tokens.findIndex((t) => t.start >= verb.start);
  return i < 0 ? null : subjectAt(tokens, i, MAX_COORDINATION);
}

function subjectAt(tokens: TaggedToken[], i: number, coordination: number): Subject | null {
  let j = i - 1;
  while (j >= 0 && BETWEEN_SUBJECT_AND_VERB.has(tokens[j].pos) && tokens[j].lower !== "'s" && tokens[j].lower !== "’s") j--;
  if (j < 0) return null;
  const before = tokens[j];
  // "stormed the jail, freed the prisoners and took control": coordinated verbs share the subject.
  if (before.pos === "CCONJ" || before.lower === ",") {
    if (coordination === 0) return null;
    for (let k = j - 1; k >= 0; k--) {
      if (tokens[k].pos === "VERB") return subjectAt(tokens, k, coordination - 1);
      if (tokens[k].lower === ";" || tokens[k].pos === "SCONJ") return null;
    }
    return null;
  }
  // "the gunmen who attacked the facility": a relative clause's subject is the noun it follows.
  if (before.pos === "PRON" && RELATIVE.has(before.lower)) return j > 0 ? nounPhraseEndingAt(tokens, j - 1) : null;
  if (before.pos === "PRON") return { phrase: { start: before.start, end: before.end }, head: before };
  const phrase = nounPhraseEndingAt(tokens, j);
  // "the gunmen that attacked the facility stormed it": the phrase before the verb is the object
  // of a relative clause; the subject is the noun the clause is about.
  const first = phrase ? tokens.findIndex((t) => t.start === phrase.phrase.start) : -1;
  if (phrase && first > 1 && tokens[first - 1].pos === "VERB") {
    let r = first - 2;
    while (r >= 0 && BETWEEN_SUBJECT_AND_VERB.has(tokens[r].pos)) r--;
    if (r > 0 && tokens[r].pos === "PRON" && RELATIVE.has(tokens[r].lower)) return nounPhraseEndingAt(tokens, r - 1);
  }
  return phrase;
}

/** The noun phrase whose last token is `tokens[j]`, with its head: the last noun before its first preposition. */
function nounPhraseEndingAt(tokens: TaggedToken[], j: number): Subject | null {
  if (!["NOUN", "PROPN", "NUM", "PRON"].includes(tokens[j].pos)) return null;
  let k = j;
  while (k > 0 && inNounPhrase(tokens, k - 1)) k--;
  const phrase = tokens.slice(k, j + 1);
  while (phrase.length && phrase[0].pos === "ADP") phrase.shift();
  const firstPrep = phrase.findIndex((t, n) => t.pos === "ADP" && n > 0);
  const chunk = firstPrep < 0 ? phrase : phrase.slice(0, firstPrep);
  let head = [...chunk].reverse().find((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM");
  if (!head) return null;
  // "a group of inmates": the group is made of inmates.
  if (QUANTIFIER_HEADS.test(head.lower) && firstPrep >= 0 && phrase[firstPrep].lower === "of") {
    const inner = phrase.slice(firstPrep + 1);
    const nextPrep = inner.findIndex((t) => t.pos === "ADP");
    head = [...(nextPrep < 0 ? inner : inner.slice(0, nextPrep))].reverse().find((t) => t.pos === "NOUN" || t.pos === "PROPN") ?? head;
  }
  return { phrase: { start: phrase[0].start, end: tokens[j].end }, head };
}

function inNounPhrase(tokens: TaggedToken[], k: number): boolean {
  const t = tokens[k];
  if (SUBORDINATORS.has(t.lower)) return false;
  if (NOUN_PHRASE.has(t.pos)) return true;
  if (t.lower === "-" || t.lower === "'" || t.lower === "’") return true;
  // "the Kuje and Kotonkarfe prisons", "inmates and guards"
  if (t.pos === "CCONJ") return k > 0 && ["NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[k - 1].pos);
  // "inmates armed with knives", "fighters belonging to the group": a participle inside the phrase.
  if (t.pos === "VERB") return k > 0 && ["NOUN", "PROPN"].includes(tokens[k - 1].pos) && tokens[k + 1]?.pos === "ADP";
  return false;
}

/** Tags an object noun phrase opens with before its head: "the three convicts", "dozens of". */
const OBJECT_OPENERS = new Set(["DET", "ADJ", "NUM", "PRON"]);

/** The object of the verb ending at `verb.end`: the head of the noun phrase right after it ("arrested two wardens" -> wardens). */
export function objectOf(tokens: TaggedToken[], verb: Span): TaggedToken | null {
  let i = tokens.findIndex((t) => t.start >= verb.end);
  if (i < 0) return null;
  let head: TaggedToken | null = null;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos === "NOUN" || t.pos === "PROPN") head = t;
    else if (head || !OBJECT_OPENERS.has(t.pos)) break;
  }
  return head;
}
