// Who said it. Every count becomes a claim with a source: "according to X", "X said/told/
// reported/claims", "..., said X", pronouns and surnames resolved to the last organisation or
// person named, a person resolved to the organisation in apposition ("Farhad Shami, a spokesman
// for the SDF" then "Shami said"), and quotes attributed across sentences.
import type { Annotation, Span } from "../model/doc.ts";
import { ACCORDING_TO, ATTRIBUTION_VERBS, PERSON_ROLES, matchAll } from "./lexicon.ts";
import { windowBefore } from "./window.ts";
import { ActorIndex } from "./actor-index.ts";

export interface ActorValue {
  id: string;
  name: string;
  kind: string;
  source?: boolean;
  country?: string | null;
}

export interface Attribution extends Span {
  /** Normalised source name. */
  source: string;
  rule: string;
}

/** Enough characters ahead for a few words: lookups never slice the rest of the document. */
const LOOKAHEAD_CHARS = 200;
/** How many words before an attribution verb its subject may start. */
const SUBJECT_WORDS = 6;
/** How many words after "according to" / an inverted "said" the source may start. */
const OBJECT_WORDS = 4;

const ROLE = PERSON_ROLES.map((r) => r.replace(/\s+/g, "\\s+")).join("|");
const NAME = "[A-Z][a-z'’-]+(?:\\s+(?:al-|el-|bin\\s|abu\\s)?[A-Z][a-z'’-]+){1,3}";
/** "Farhad Shami, a spokesman for the Kurdish-led Syrian Democratic Forces" */
const APPOSITION_AFTER = new RegExp(`(${NAME}),\\s+(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}(?:${ROLE})\\s+(?:for|of|at|with|in)\\s+`, "g");
/** "Yehia Rasool, Iraq's defense ministry spokesperson" */
const APPOSITION_POSSESSIVE = new RegExp(`(${NAME}),\\s+([A-Z][\\w-]*(?:['’]s)?(?:\\s+[\\w-]+){0,4}?)\\s+(?:${ROLE})\\b`, "g");
/** "a spokesman for the prison service, Abubakar Umar," */
const ROLE_FOR_ORG_NAME = new RegExp(`\\b(?:an?|the)\\s+(?:[a-z-]+\\s+){0,2}(?:${ROLE})\\s+(?:for|of|at|with)\\s+((?:the\\s+)?[^,.;]{2,60}),\\s+(${NAME}),`, "gi");
/** "The Uganda People's Defence Force (UPDF) 3rd Division spokesperson, Maj. Peter Lomuria," */
const ORG_ROLE_COMMA_NAME = new RegExp(`((?:[A-Z][\\w'’.-]*\\s+){1,8})(?:\\([A-Z]{2,8}\\)\\s+)?(?:\\d\\w*\\s+[A-Z]\\w*\\s+)?(?:regional\\s+|deputy\\s+|chief\\s+)?(?:${ROLE}),\\s+(?:(?:[A-Z][a-z]{1,5}\\.|Jail|Senior|Chief|Police|Superintendent|Inspector|Colonel|Major|Captain|General|Lieutenant)\\s+)*(${NAME}),`, "g");
/** "CENTCOM commander Brad Cooper", "Pentagon press secretary John Kirby" */
const ROLE_BEFORE_NAME = new RegExp(`(?:${ROLE})\\s+(${NAME})`, "g");

const PRONOUN_PERSON = /^(?:he|she)$/i;
const PRONOUN_ORG = /^(?:it|they)$/i;
const SOURCE_ANAPHOR = /^(?:the\s+)?(?:source|sources|official|officials|statement|report|reports|spokesman|spokesperson|spokeswoman)$/i;

interface DocContext {
  text: string;
  actors: Array<Annotation<ActorValue>>;
}

/** Resolves the source of every sentence of a document, in reading order. */
export class Attributor {
  private readonly personOrg = new Map<string, string>();
  private lastPersonSource: string | null = null;
  private lastOrgSource: string | null = null;
  private lastSource: string | null = null;
  private readonly bySentence: Attribution[][] = [];
  private readonly actors: ActorIndex;

  /** Per sentence: does it start inside an open quotation (“ … ”) of its paragraph? */
  private readonly opensInQuote: boolean[];

  constructor(private readonly doc: DocContext, private readonly sentences: Span[]) {
    this.actors = new ActorIndex(doc.actors);
    this.opensInQuote = quoteStates(doc.text, sentences);
    this.registerPersons();
    for (const sentence of sentences) this.bySentence.push(this.attributeSentence(sentence));
  }

  /** The source of a claim at `position` in sentence `index`, or null when unattributed. */
  sourceAt(index: number, position: number): Attribution | null {
    const own = this.bySentence[index] ?? [];
    if (own.length) return nearest(own, position);
    const continued = this.quoteContinuation(index);
    return continued;
  }

  /** Every attribution found, for the explanation. */
  all(): Attribution[] {
    return this.bySentence.flat();
  }

  // 1. People named with a role and an organisation anywhere in the document.
  private registerPersons(): void {
    const { text } = this.doc;
    for (const m of text.matchAll(APPOSITION_AFTER)) {
      const org = this.actorNear(m.index! + m[0].length, 8) ?? nounPhraseAfter(text, m.index! + m[0].length);
      if (org) this.addPerson(m[1], org);
    }
    for (const m of text.matchAll(APPOSITION_POSSESSIVE)) {
      const org = this.actorWithin(m.index! + m[1].length, m.index! + m[0].length) ?? m[2].replace(/['’]s\b/, "");
      this.addPerson(m[1], org);
    }
    for (const m of text.matchAll(ROLE_FOR_ORG_NAME)) {
      const orgStart = m.index! + m[0].indexOf(m[1]);
      const org = this.actorWithin(orgStart, orgStart + m[1].length) ?? this.definite(m[1], orgStart) ?? m[1].replace(/^the\s+/i, "");
      this.addPerson(m[2], org);
    }
    for (const m of text.matchAll(ORG_ROLE_COMMA_NAME)) {
      const org = this.actorWithin(m.index!, m.index! + m[1].length + 12) ?? properNameAtEnd(m[1]);
      if (org) this.addPerson(m[2], org);
    }
    for (const m of text.matchAll(ROLE_BEFORE_NAME)) {
      const before = /([A-Za-z]+)\s*$/.exec(text.slice(Math.max(0, m.index! - 30), m.index!))?.[1] ?? "";
      // "Uganda Prisons Service spokesperson Simon Ojok": the capitalised name before the role.
      const org = this.actorEndingNear(m.index!, 3) ?? this.definite(before, m.index!) ?? properNameAtEnd(text.slice(Math.max(0, m.index! - 80), m.index!));
      if (org) this.addPerson(m[1], org);
    }
  }

  private addPerson(name: string, org: string): void {
    const clean = name.trim();
    this.personOrg.set(clean, org);
    const surname = clean.split(/\s+/).pop()!;
    if (!this.personOrg.has(surname)) this.personOrg.set(surname, org);
  }

  // 2. The attributions of one sentence: "according to X", "X said", "said X".
  private attributeSentence(sentence: Span): Attribution[] {
    const { text } = this.doc;
    const found: Attribution[] = [];
    for (const m of matchAll(ACCORDING_TO, text, sentence.start, sentence.end)) {
      const source = this.actorNear(m.end, OBJECT_WORDS) ?? this.personAfter(m.end) ?? nounPhraseAfter(text, m.end, sentence.end);
      if (source) found.push(this.remember({ start: m.start, end: m.end, source, rule: "attribution.according-to" }));
    }
    for (const m of matchAll(ATTRIBUTION_VERBS, text, sentence.start, sentence.end)) {
      if (/^according$/i.test(m.text)) continue;
      // "urged the population to report": an infinitive reports nothing.
      if (/\bto\s+$/i.test(text.slice(Math.max(sentence.start, m.start - 4), m.start))) continue;
      const subject = this.subjectBefore(m.start, sentence.start);
      if (subject) {
        found.push(this.remember({ start: subject.start, end: m.end, source: subject.source, rule: subject.rule }));
        continue;
      }
      const inverted = this.actorNear(m.end, 2) ?? this.personAfter(m.end);
      if (inverted) found.push(this.remember({ start: m.start, end: m.end, source: inverted, rule: "attribution.said-x" }));
    }
    return found;
  }

  private subjectBefore(verbStart: number, floor: number): { start: number; source: string; rule: string } | null {
    const { text } = this.doc;
    const from = windowBefore(text, verbStart, SUBJECT_WORDS, floor);
    // An actor may start before the window: "Nigerian Correctional Service spokesman Abubakar Umar said".
    const actor = this.actors.startingIn(floor, verbStart).filter((a) => a.end > from && a.end <= verbStart).pop();
    if (actor) return { start: actor.start, source: actor.value.name, rule: "attribution.actor-verb" };
    const words = text.slice(from, verbStart).trim();
    // "a spokesman for the service, Abubakar Umar, said": the subject sits between commas.
    if (words === "" && /,\s*$/.test(text.slice(Math.max(floor, verbStart - 3), verbStart))) {
      const clause = text.slice(floor, verbStart).replace(/,\s*$/, "");
      const name = clause.slice(clause.lastIndexOf(",") + 1).trim();
      const org = this.personOrg.get(name) ?? this.personOrg.get(name.split(/\s+/).pop() ?? "");
      if (org) return { start: floor + clause.lastIndexOf(name), source: org, rule: "attribution.person" };
    }
    const lastWords = words.split(/\s+/);
    const last = lastWords[lastWords.length - 1] ?? "";
    if (PRONOUN_PERSON.test(last) && this.lastPersonSource) {
      return { start: from + text.slice(from, verbStart).lastIndexOf(last), source: this.lastPersonSource, rule: "attribution.pronoun-person" };
    }
    if (PRONOUN_ORG.test(last) && this.lastOrgSource) {
      return { start: from + text.slice(from, verbStart).lastIndexOf(last), source: this.lastOrgSource, rule: "attribution.pronoun-org" };
    }
    for (const [person, org] of this.personOrg) {
      if (new RegExp(`(?:^|\\s|,)${escape(person)}(?:,\\s+the\\s+\\w+)?$`).test(words)) {
        return { start: from + Math.max(0, text.slice(from, verbStart).lastIndexOf(person)), source: org, rule: "attribution.person" };
      }
    }
    const tail = lastWords.slice(-2).join(" ");
    // "the official said" refers back; "a security official said" introduces a new source.
    if (/^the\s/i.test(tail) && SOURCE_ANAPHOR.test(tail)) {
      if (this.lastSource) return { start: from + Math.max(0, text.slice(from, verbStart).lastIndexOf(tail)), source: this.lastSource, rule: "attribution.anaphor" };
    }
    const phrase = nounPhraseBefore(words);
    const known = phrase ? this.definite(phrase, from) : null;
    if (known) return { start: from + Math.max(0, text.slice(from, verbStart).lastIndexOf(phrase!)), source: known, rule: "attribution.definite" };
    if (phrase) return { start: from + Math.max(0, text.slice(from, verbStart).lastIndexOf(phrase)), source: phrase, rule: "attribution.noun-phrase" };
    return null;
  }

  private remember(a: Attribution): Attribution {
    const isOrg = this.actors.names.has(a.source) || !/^[A-Z][a-z]+(?:\s[A-Z][a-z]+)+$/.test(a.source);
    this.lastSource = a.source;
    if (a.rule === "attribution.person" || a.rule === "attribution.pronoun-person") this.lastPersonSource = a.source;
    else if (isOrg) this.lastOrgSource = a.source;
    if (a.rule === "attribution.person") this.lastOrgSource = a.source;
    return a;
  }

  // 3. A sentence inside a quotation takes the source of the sentence that closes the quote.
  private quoteContinuation(index: number): Attribution | null {
    const { text } = this.doc;
    let open = 0;
    for (let i = index; i < this.sentences.length && i < index + 4; i++) {
      const s = this.sentences[i];
      const body = text.slice(s.start, s.end);
      open += (body.match(/[“]/g)?.length ?? 0) - (body.match(/[”]/g)?.length ?? 0);
      if (i === index && !/^[“"]/.test(body) && open <= 0 && !this.opensInQuote[index]) return null;
      if (i > index && this.bySentence[i]?.length) return this.bySentence[i][0];
      if (i > index && /[”"]/.test(body) === false && /\n/.test(text.slice(this.sentences[i - 1].end, s.start))) return null;
    }
    return null;
  }

  private actorNear(pos: number, words: number): string | null {
    const { text } = this.doc;
    const limit = pos + text.slice(pos, pos + LOOKAHEAD_CHARS).split(/\s+/, words + 1).join(" ").length + 1;
    const actor = this.actors.startingIn(pos, limit + 1)[0];
    return actor ? actor.value.name : null;
  }

  /** "the service", "the ministry": the last actor named before `pos` whose name has that head noun. */
  private definite(phrase: string, pos: number): string | null {
    const head = /^(?:the\s+)?([a-z]+)$/i.exec(phrase.trim())?.[1]?.toLowerCase();
    if (!head || head.length < 4) return null;
    const actor = this.actors.lastWithWordBefore(head, pos);
    return actor?.value.name ?? null;
  }

  private actorWithin(from: number, to: number): string | null {
    const actor = this.actors.startingIn(from, to).find((a) => a.end <= to);
    return actor ? actor.value.name : null;
  }

  private actorEndingNear(pos: number, words: number): string | null {
    const from = windowBefore(this.doc.text, pos, words, 0);
    const actor = this.actors.startingIn(from, pos).filter((a) => a.end <= pos).pop();
    return actor ? actor.value.name : null;
  }

  private personAfter(pos: number): string | null {
    const rest = this.doc.text.slice(pos, pos + 80);
    for (const [person, org] of this.personOrg) {
      if (new RegExp(`^\\s*(?:the\\s+\\w+\\s+)?${escape(person)}\\b`).test(rest)) return org;
    }
    return null;
  }
}

function nearest(list: Attribution[], position: number): Attribution {
  const before = list.filter((a) => a.start <= position);
  if (before.length) return before[before.length - 1];
  return list[0];
}

/** The proper name a stretch of text ends with ("... the Uganda Prisons Service "), acronyms in brackets dropped. */
function properNameAtEnd(stretch: string): string | null {
  const clean = stretch.replace(/\s*\([A-Z]{2,8}\)\s*$/, "").replace(/\s+\d\w*\s+[A-Z]\w*\s*$/, "").trimEnd();
  const m = /((?:[A-Z][\w'’-]*)(?:\s+(?:of|and|for|the|on|de|du|des|al|el)?\s*[A-Z][\w'’-]*)*)$/.exec(clean);
  if (!m) return null;
  const name = m[1].replace(/^(?:The|A|An)\s+/, "").replace(/['’]s$/, "");
  return name.length > 2 && name.split(/\s+/).length <= 8 ? name : null;
}

/** "media reports", "Kurdish media", "a resident": the last short noun phrase of a clause. */
function nounPhraseBefore(words: string): string | null {
  const clause = words.split(/[,;:“”"]/).pop()!.trim();
  // A proper name keeps its connectors: "the Ministry of Migration and Displaced (MoMD)".
  const proper = /[A-Z][\w'’-]*\s+\S/.test(clause) ? properNameAtEnd(clause) : null;
  if (proper && proper.includes(" ")) return proper;
  const tokens = clause.split(/\s+/).filter(Boolean).slice(-4);
  // "One of the armed groups": the group, without the partitive.
  while (tokens.length && /^(?:of|the)$/i.test(tokens[0])) tokens.shift();
  if (tokens.length && /^(?:to|the|a|an|of|and|or|that|which|for|with|by|in|on|at)$/i.test(tokens[tokens.length - 1])) return null;
  while (tokens.length && /^(?:that|and|also|on|in|earlier|later|meanwhile|had|has|have|was|were)$/i.test(tokens[0])) tokens.shift();
  const phrase = tokens.join(" ").replace(/^(?:the|a|an)\s+/i, "");
  if (!phrase || /^(?:he|she|it|they|we|i|you|who|which|this|there)$/i.test(phrase)) return null;
  if (/^(?:which|who|that|what|where|when|whom|whose)\b/i.test(phrase)) return null;
  if (/\d/.test(phrase) || phrase.split(/\s+/).length > 4) return null;
  return phrase;
}

function nounPhraseAfter(text: string, pos: number, end = text.length): string | null {
  const clause = text.slice(pos, Math.min(end, pos + 80)).split(/[,;.“”"]/)[0].trim();
  const phrase = clause.split(/\s+/).slice(0, 5).join(" ").replace(/^(?:the|a|an)\s+/i, "");
  return phrase && phrase.length > 1 ? phrase : null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pass over the text: whether each sentence starts inside an open “…” quotation of its paragraph. */
function quoteStates(text: string, sentences: Span[]): boolean[] {
  const states: boolean[] = [];
  let depth = 0;
  let at = 0;
  for (const s of sentences) {
    for (; at < s.start; at++) {
      const ch = text[at];
      if (ch === "\n") depth = 0;
      else if (ch === "“") depth++;
      else if (ch === "”") depth = Math.max(0, depth - 1);
    }
    states.push(depth > 0);
  }
  return states;
}
