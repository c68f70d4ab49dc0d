// Who said it. Every count becomes a claim with a source: "according to X", "X said/told/
// reported/claims", "..., said X", pronouns and surnames resolved to the last person or
// organisation named, and quotes attributed across sentences. A named person is the source, with
// the role the text gives ("Farhad Shami, a spokesman for the SDF" then "Shami said" -> Farhad
// Shami, role "spokesman for the SDF"); an unnamed speaker is the noun phrase that names them
// ("two Kurdish security officials" -> "Kurdish security officials"); "told AFP" records the
// outlet the source spoke through.
import type { Annotation, Span } from "../model/doc.ts";
import type { IncidentMention } from "../model/incident.ts";
import { ACCORDING_TO, ATTRIBUTION_VERBS, matchAll, phrasesPattern } from "./lexicon.ts";
import { cleanRole, peopleWithRoles, roleBefore } from "./attribution-people.ts";
import { isOneOfficeHolder, isRolePhrase, isSurname, personInApposition, sourceEndingClause, sourceStartingClause, type SourcePhrase } from "./source-phrase.ts";
import { continuedSource, quoteStates } from "./attribution-continuation.ts";
import { windowBefore } from "./window.ts";
import sourcesData from "./sources.json" with { type: "json" };
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
  /** The office the text gives a person source ("mayor of Beni", "spokesman for the SDF"). */
  role?: string;
  /** The outlet the source spoke to or through ("told AFP"). */
  via?: string;
}

/** A person the document names: the full name and the office the text gives them. */
interface Person {
  name: string;
  role: string | null;
}

/** Enough characters ahead for a few words: lookups never slice the rest of the document. */
const LOOKAHEAD_CHARS = 200;
/** How many words before an attribution verb its subject may start. */
const SUBJECT_WORDS = 6;
/** How many words after "according to" / an inverted "said" the source may start. */
const OBJECT_WORDS = 4;

/** Verbs whose object is the one spoken to: "told reporters", "informed the ministry". */
/** Who is spoken to rather than speaking: "informed reporters", "told the press". */
const LISTENER_NOUN = /^\s+(?:the\s+|a\s+)?(?:reporters|journalists|newsmen|press|media|correspondents|news\s+conference|press\s+conference)\b/i;
/** Verbs that report only when their speaker follows them ("…, declared the spokesman, Ali Musa"). */
const INVERTED_ONLY_VERBS = phrasesPattern(sourcesData.invertedVerbs.words);
/** "gave a higher toll of 16", "put the death toll at 30": a verb giving a figure, its subject the source. */
const FIGURE_VERB = new RegExp(
  `\\b(?:${sourcesData.figureVerbs.verbs.join("|")})\\s+(?:(?:a|an|the|its|their|his|her|new|higher|lower|fresh|updated|official|final|provisional|preliminary|death|overall)\\s+){0,3}(?:${sourcesData.figureVerbs.objects.join("|")})\\b`,
  "gi",
);
/** The same patterns for one test over a whole text (no global flag: no position kept between calls). */
const ANY_FIGURE_VERB = new RegExp(FIGURE_VERB.source, "i");
const ANY_INVERTED_VERB = new RegExp(INVERTED_ONLY_VERBS.source, "i");
const LISTENER_VERB = /^(?:told|tells|informed)$/i;
const PRONOUN_PERSON = /^(?:he|she|him|her)$/i;
const PRONOUN_ORG = /^(?:it|they|them)$/i;
const SOURCE_ANAPHOR = /^(?:the\s+)?(?:source|sources|official|officials|statement|report|reports|spokesman|spokesperson|spokeswoman)$/i;
/** A credit after a final dash: "... 443 recaptured — NCoS", "... freed – police chief". */
const HEADLINE_CREDIT = /\s[—–-]\s+([\p{L}'’.()-]+(?:\s+[\p{L}'’.()-]+){0,5})\.?$/u;
/** A credit is read from this many characters at the end of a sentence. */
const CREDIT_CHARS = 80;
/** A subject is read from at most this many characters before its verb: long run-on sentences stay linear. */
const SUBJECT_REACH_CHARS = 300;
/** "quoted a police officer as saying": the one quoted, up to "as saying". */
const QUOTED_AS = /^\s+([^.;:“”"]{2,100}?)\s+as\s+say(?:ing|s)\b/i;
/** What separates a subject from what comes before it: commas, quotes, dashes, brackets. */
const CLAUSE_SEPARATORS = /[,;:“”"()]|\s[-–—]\s|—/;
/** Actors whose name is a generic word ("authorities", "officials"): the words the text uses say more. */
const GENERIC_ACTOR_KINDS = new Set(["other"]);
/** Actors named by a description ("state television", "local press"): the words the text uses are the source. */
const DESCRIBED_ACTORS = new Set(sourcesData.describedActors.ids);
/** "an NGO", "a rights group", "a war monitor": an organisation not named yet. */
const INDEFINITE_ORGANISATION = new RegExp(`\\ban?\\s+(?:[\\w-]+\\s+){0,3}?(?:${sourcesData.indefiniteOrganisations.heads.join("|")})\\b`, "i");
/** Kinds of actor that an indefinite "NGO" or "monitor" names. */
const NAMING_KINDS = new Set(sourcesData.indefiniteOrganisations.kinds);
/** The organisation is named at most this many sentences later. */
const NAMING_REACH_SENTENCES = 2;
/** What an outlet or organisation named just before is: "the judiciary's news agency", "a local rights group". */
const OUTLET_DESCRIPTION = new RegExp(`\\b(?:${sourcesData.outletDescriptions.heads.join("|")})$`, "i");
/** A capitalised run that opens with a preposition or adverb is a phrase, not a name ("In Kuje", "On Monday"). */
const NOT_NAME_START = /^(?:in|at|on|from|for|by|after|before|during|since|according|with|under|near|across|inside|outside|meanwhile|however|earlier|later)\s/i;
/** A time between an inverted verb and its speaker: "said on Friday the governor", "declared this morning the police". */
const TIME_BEFORE_SPEAKER = /^\s*(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|this\s+(?:morning|afternoon|evening|week)|last\s+night|on\s+\w+day\s+(?:morning|evening|night))\s+(?=(?:the|a|an|\p{Lu}))/iu;
/** Figures below this are too common ("one guard", "two vans") to be the same figure stated again. */
const MIN_RESTATED_FIGURE = 3;
/** Quantity readings that state no figure of people ("a" in "a statement"). */
const IGNORED_FIGURE_RULES = new Set(["quantity.article"]);
/** How many words after "told" the outlet may start ("told the BBC"). */
const VIA_WORDS = 3;

/** Compiled name patterns, shared by documents: the same people are named report after report. */
const PERSON_PATTERNS = new Map<string, RegExp>();
const PERSON_PATTERNS_LIMIT = 20_000;

/** A name at the end of a stretch of words (`atEnd`), or at its start after an optional "the X". */
function personPattern(name: string, atEnd: boolean): RegExp {
  const key = `${atEnd ? "end" : "start"}\u0000${name}`;
  let pattern = PERSON_PATTERNS.get(key);
  if (!pattern) {
    if (PERSON_PATTERNS.size >= PERSON_PATTERNS_LIMIT) PERSON_PATTERNS.clear();
    pattern = atEnd ? new RegExp(`(?:^|[\\s.])${escape(name)}$`) : new RegExp(`^(?:the\\s+\\w+\\s+)?${escape(name)}\\b`);
    PERSON_PATTERNS.set(key, pattern);
  }
  return pattern;
}

interface DocContext {
  text: string;
  actors: Array<Annotation<ActorValue>>;
  /** The figures the text states: a figure stated again with a source gives that source to its other statements. */
  quantities?: Array<Annotation<{ low: number; high: number | null; noCount?: boolean }>>;
}

/** Resolves the source of every sentence of a document, in reading order. */
export class Attributor {
  /** People by full name and by surname. */
  private readonly persons = new Map<string, Person>();
  /** Where the text names a person with an office, in reading order: what "he said" may refer to. */
  private readonly namedAt: Array<{ start: number; person: Person }> = [];
  private lastPerson: Attribution | null = null;
  private lastOrg: Attribution | null = null;
  private lastSource: Attribution | null = null;
  private readonly bySentence: Attribution[][] = [];
  private readonly actors: ActorIndex;

  private readonly hasFigureVerbs: boolean;
  private readonly hasInvertedVerbs: boolean;

  /** Per sentence: does it start inside an open quotation (“ … ”) of its paragraph? */
  private readonly opensInQuote: boolean[];

  constructor(private readonly doc: DocContext, private readonly sentences: Span[]) {
    this.actors = new ActorIndex(doc.actors);
    this.opensInQuote = quoteStates(doc.text, sentences);
    this.registerPersons();
    // Most reports hold neither kind of verb: one look at the whole text spares a scan per sentence.
    this.hasFigureVerbs = ANY_FIGURE_VERB.test(doc.text);
    this.hasInvertedVerbs = ANY_INVERTED_VERB.test(doc.text);
    for (const sentence of sentences) this.bySentence.push(this.attributeSentence(sentence));
    this.nameIndefiniteOrganisations();
  }

  /**
   * "…, an NGO said. The Syrian Observatory for Human Rights said …": an organisation introduced
   * by an indefinite description is the monitor or NGO the next sentences name.
   */
  private nameIndefiniteOrganisations(): void {
    const { text } = this.doc;
    this.bySentence.forEach((list, index) => {
      for (const a of list) {
        if (a.rule !== "attribution.speaker" || !INDEFINITE_ORGANISATION.test(text.slice(Math.max(0, a.start - 4), a.end))) continue;
        const last = this.sentences[Math.min(this.sentences.length - 1, index + NAMING_REACH_SENTENCES)];
        const named = this.actors.startingIn(a.end, last.end).find((actor) => NAMING_KINDS.has(actor.value.kind));
        if (named) Object.assign(a, { source: named.value.name, rule: "attribution.named-later" });
      }
    });
  }

  /** The source of a claim at `position` in sentence `index`, or null when unattributed. */
  sourceAt(index: number, position: number): Attribution | null {
    const own = this.bySentence[index] ?? [];
    if (own.length) return nearest(own, position);
    return continuedSource(this.doc.text, this.sentences, this.bySentence, this.opensInQuote, index);
  }

  /** Every attribution found, for the explanation. */
  all(): Attribution[] {
    return this.bySentence.flat();
  }

  /** Gives each claim the role and outlet of its source, as the claim's sentence states them. */
  describeClaims(mentions: IncidentMention[]): IncidentMention[] {
    const indexOf = new Map(this.sentences.map((s, i) => [s.start, i]));
    for (const claim of mentions.flatMap((m) => m.counts.flatMap((c) => c.claims))) {
      claim.source ??= this.restatedSource(claim, indexOf.get(claim.start));
      if (!claim.source) continue;
      const index = indexOf.get(claim.start);
      const stated = index === undefined ? undefined : (this.bySentence[index] ?? []).find((a) => a.source === claim.source);
      const role = stated?.role ?? this.persons.get(claim.source)?.role;
      if (role) claim.role = role;
      if (stated?.via) claim.via = stated.via;
    }
    return mentions;
  }

  /**
   * "Kenya: 3 escaped convicts arrested" … "The police chief says the three were arrested": an
   * unattributed figure that another sentence states again with a source takes that source.
   */
  private restatedSource(claim: { low: number; high: number | null }, index: number | undefined): string | null {
    if (index === undefined || claim.low < MIN_RESTATED_FIGURE) return null;
    // The first two attributed statements of the figure: one of them is in another sentence.
    const stated = this.figures().get(`${claim.low}-${claim.high}`) ?? [];
    return stated.find((f) => f.sentence !== index)?.source ?? null;
  }

  /**
   * The text's attributed figures by value ("12-12", "801-null"): the first two sentences that
   * state each with a source, read once on the first unattributed claim, so a long text stays linear.
   */
  private figuresByValue: Map<string, Array<{ sentence: number; source: string }>> | null = null;

  private figures(): Map<string, Array<{ sentence: number; source: string }>> {
    if (this.figuresByValue) return this.figuresByValue;
    const byValue = new Map<string, Array<{ sentence: number; source: string }>>();
    for (const q of this.doc.quantities ?? []) {
      if (q.value.noCount || IGNORED_FIGURE_RULES.has(q.rule) || q.value.low < MIN_RESTATED_FIGURE) continue;
      const key = `${q.value.low}-${q.value.high}`;
      const list = byValue.get(key) ?? [];
      if (list.length >= 2 || list.some((f) => f.sentence === sentenceIndexOf(this.sentences, q.start))) continue;
      const sentence = sentenceIndexOf(this.sentences, q.start);
      const own = sentence < 0 ? [] : this.bySentence[sentence] ?? [];
      if (!own.length) continue;
      list.push({ sentence, source: nearest(own, q.start).source });
      byValue.set(key, list);
    }
    return (this.figuresByValue = byValue);
  }

  /** Every attribution as a document annotation: the source, with the role and outlet when the text gives them. */
  annotations(): Array<Annotation<{ source: string; role?: string; via?: string }>> {
    return this.all().map(({ start, end, rule, source, role, via }) => ({
      start, end, kind: "attribution" as const, rule, value: { source, ...(role ? { role } : {}), ...(via ? { via } : {}) },
    }));
  }

  // 1. People named with a role anywhere in the document, so "Shami said" finds Farhad Shami.
  private registerPersons(): void {
    for (const { name, role, start } of peopleWithRoles(this.doc.text)) this.namedAt.push({ start, person: this.addPerson(name, role) });
    this.namedAt.sort((a, b) => a.start - b.start);
  }

  /**
   * Who "he" or "she" at `pos` is: the last person quoted, unless the text has named another
   * person with an office since ("Police spokesman Ali Musa spoke to reporters. “…,” he said").
   */
  private pronounPerson(pos: number): Attribution | null {
    // The last naming before `pos`, by binary search: a long text names many people.
    let [low, high] = [0, this.namedAt.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.namedAt[mid].start < pos) low = mid + 1;
      else high = mid;
    }
    const named = low > 0 ? this.namedAt[low - 1] : null;
    const quoted = this.lastPerson;
    if (named && (!quoted || (named.start > quoted.start && named.person.name !== quoted.source))) {
      return this.personSource(named.person, named.start, "attribution.pronoun-named");
    }
    // "…, the prosecutor said. “…,” he told a briefing": an unnamed office holder quoted last.
    const office = this.lastSource;
    if (office && office !== quoted && (!quoted || office.start > quoted.start) && isOneOfficeHolder(office.source)) return office;
    return quoted;
  }

  private addPerson(name: string, role: string | null): Person {
    const clean = personInApposition(name.trim()) ?? name.trim();
    const known = this.persons.get(clean);
    if (known) {
      known.role ??= role || null;
      return known;
    }
    const person: Person = { name: clean, role: role || null };
    this.persons.set(clean, person);
    const surname = clean.split(/\s+/).pop()!;
    if (!this.persons.has(surname)) this.persons.set(surname, person);
    return person;
  }

  /** The person a stretch of words ends with (`atEnd`) or starts with, by full name or surname. */
  private knownPerson(words: string, atEnd: boolean): Person | null {
    for (const [name, person] of this.persons) {
      if (personPattern(name, atEnd).test(words)) return person;
    }
    return null;
  }

  // 2. The attributions of one sentence: "according to X", "X said", "said X".
  private attributeSentence(sentence: Span): Attribution[] {
    const { text } = this.doc;
    const found: Attribution[] = [];
    const credit = this.headlineCredit(sentence);
    if (credit) found.push(this.remember(credit));
    for (const m of matchAll(ACCORDING_TO, text, sentence.start, sentence.end)) {
      const source = this.objectAfter(m.end, sentence.end);
      if (source) found.push(this.remember({ ...source, start: m.start, end: m.end, rule: source.rule === "attribution.said-x" ? "attribution.according-to" : source.rule }));
    }
    for (const m of matchAll(ATTRIBUTION_VERBS, text, sentence.start, sentence.end)) {
      if (/^according$/i.test(m.text)) continue;
      // "urged the population to report": an infinitive reports nothing.
      if (/\bto\s+$/i.test(text.slice(Math.max(sentence.start, m.start - 4), m.start))) continue;
      // "who are reported to have", "changes announced by": a passive or a participle names no
      // speaker here, except "X was quoted as saying", whose subject is the speaker.
      const passive = /\b(?:is|are|was|were|be|been|being)\s+$/i.exec(text.slice(Math.max(sentence.start, m.start - 7), m.start));
      const quotedAs = passive && /^quoted$/i.test(m.text) && /^\s+as\s+say/i.test(text.slice(m.end, m.end + 12));
      if ((passive && !quotedAs) || /^\s+by\b/i.test(text.slice(m.end, m.end + 4))) continue;
      const via = /^(?:told|informed)$/i.test(m.text) ? this.outletAfter(m.end) : null;
      // "..., said X" and “...,” said X: the verb right after a break, its subject after it.
      // "told" takes the listener as its object ("..., told journalists"): never an inverted subject.
      // "Peter Lomuria, said the inmates ...": a person in apposition just before is the subject.
      // Machine translation keeps the source after "informed" ("…, informed the Ministry of
      // Justice"); "informed reporters" or "informed AFP" names the listener.
      const listener = /^informed$/i.test(m.text) && this.listenerAfter(m.end);
      const inverted = !/^(?:tel|told)/i.test(m.text) && !listener && (/[,“”"]\s*$/.test(text.slice(Math.max(sentence.start, m.start - 3), m.start)) || m.start === sentence.start) && !this.personJustBefore(m.start, sentence.start);
      const object = inverted ? this.objectAfter(m.end, sentence.end, true) : null;
      if (object) {
        found.push(this.remember({ ...object, start: m.start, end: m.end, rule: object.rule.startsWith("attribution.pronoun") ? object.rule : "attribution.said-x" }));
        continue;
      }
      const subject = this.subjectBefore(quotedAs ? m.start - passive[0].length : m.start, sentence.start);
      // "The agency quoted a police officer as saying ...": the speaker is the one quoted, the
      // subject the outlet that carried it.
      const quotedSpeaker = !passive && /^quoted$/i.test(m.text) ? QUOTED_AS.exec(text.slice(m.end, Math.min(sentence.end, m.end + LOOKAHEAD_CHARS))) : null;
      const speaker = quotedSpeaker ? sourceStartingClause(quotedSpeaker[1]) : null;
      if (speaker) {
        if (speaker.kind === "person") this.addPerson(speaker.name, speaker.role);
        const outlet = subject?.source;
        found.push(this.remember({ start: m.start, end: m.end, source: speaker.name, rule: speaker.kind === "person" ? "attribution.person-quoted" : "attribution.quoted", ...(speaker.role ? { role: speaker.role } : {}), ...(outlet ? { via: outlet } : {}) }));
        continue;
      }
      if (subject) {
        found.push(this.remember({ ...subject, end: m.end, ...(via ? { via } : {}) }));
        continue;
      }
      // "told AFP": the one told is a listener, never the speaker.
      const known = inverted || LISTENER_VERB.test(m.text) ? null : this.knownSourceAfter(m.end);
      if (known) found.push(this.remember({ ...known, start: m.start, end: m.end, rule: "attribution.said-x" }));
    }
    // 3. "Civil society gave a higher toll of 16": a figure given, its subject the source.
    if (!found.length && this.hasFigureVerbs) {
      for (const m of matchAll(FIGURE_VERB, text, sentence.start, sentence.end)) {
        const subject = this.subjectBefore(m.start, sentence.start);
        if (subject) found.push(this.remember({ ...subject, end: m.end, rule: subject.rule === "attribution.speaker" ? "attribution.figure-giver" : subject.rule }));
      }
    }
    // 4. Verbs that report only with the speaker after them, as translated copy writes them:
    //    "…, declared the spokesman of the police, Ali Musa."
    for (const m of this.hasInvertedVerbs ? matchAll(INVERTED_ONLY_VERBS, text, sentence.start, sentence.end) : []) {
      const inverted = /[,“”"]\s*$/.test(text.slice(Math.max(sentence.start, m.start - 3), m.start)) || m.start === sentence.start;
      if (!inverted || this.personJustBefore(m.start, sentence.start)) continue;
      const object = this.objectAfter(m.end, sentence.end, true);
      if (object) found.push(this.remember({ ...object, start: m.start, end: m.end, rule: object.rule.startsWith("attribution.pronoun") ? object.rule : "attribution.inverted-verb" }));
    }
    return found;
  }

  /** "informed reporters", "informed AFP": the one informed is a listener the text names. */
  private listenerAfter(pos: number): boolean {
    const actor = this.actorAnnotationNear(pos, VIA_WORDS);
    return (actor !== undefined && actor.value.kind === "media") || LISTENER_NOUN.test(this.doc.text.slice(pos, pos + 40));
  }

  private subjectBefore(verbStart: number, sentenceStart: number): Attribution | null {
    const { text } = this.doc;
    const floor = Math.max(sentenceStart, verbStart - SUBJECT_REACH_CHARS);
    const stretch = text.slice(floor, verbStart);
    const pieces = stretch.split(CLAUSE_SEPARATORS);
    const last = stripAuxiliaries(pieces[pieces.length - 1]);
    const at = (phrase: string) => floor + Math.max(0, stretch.lastIndexOf(phrase.split(/\s+/)[0]));
    if (last === "" && pieces.length > 1) return this.appositionSubject(pieces.slice(0, -1), floor, stretch);
    const lastWord = last.split(/\s+/).pop() ?? "";
    const pronounPerson = PRONOUN_PERSON.test(lastWord) ? this.pronounPerson(verbStart) : null;
    if (pronounPerson) return { ...pronounPerson, start: at(lastWord), rule: "attribution.pronoun-person" };
    if (PRONOUN_ORG.test(lastWord) && this.lastOrg) return { ...this.lastOrg, start: at(lastWord), rule: "attribution.pronoun-org" };
    const from = windowBefore(text, verbStart, SUBJECT_WORDS, floor);
    const known = this.knownPerson(last, true);
    if (known) {
      known.role ??= sourceEndingClause(last)?.role ?? null;
      return this.personSource(known, at(known.name.split(/\s+/).pop()!), "attribution.person");
    }
    // An actor may start before the window: "Nigerian Correctional Service spokesman Abubakar Umar said".
    const actor = this.actors.startingIn(floor, verbStart).filter((a) => a.end > from && a.end <= verbStart).pop();
    const read = sourceEndingClause(last);
    if (read?.kind === "person" && !(actor && actor.end > at(read.name))) {
      const role = read.role ?? (pieces.length > 1 && isRolePhrase(pieces[pieces.length - 2]) ? cleanRole(pieces[pieces.length - 2]) : null);
      return this.personSource(this.addPerson(read.name, role), at(read.name), "attribution.person-named");
    }
    if (actor) return this.actorSource(actor, read, "attribution.actor-verb");
    const tail = last.split(/\s+/).slice(-2).join(" ");
    // "the official said" refers back; "a security official said" introduces a new source.
    if (/^the\s/i.test(tail) && SOURCE_ANAPHOR.test(tail) && this.lastSource) return { ...this.lastSource, start: at(tail), rule: "attribution.anaphor" };
    const definite = this.definite(last, from);
    if (definite) return { start: at(last), end: verbStart, source: definite, rule: "attribution.definite" };
    if (read) return { start: at(read.name), end: verbStart, source: read.name, rule: "attribution.speaker" };
    // "..., Kone told AFP": a lone capitalised word that is no common word is a surname.
    if (isSurname(last)) return this.personSource(this.addPerson(last, null), at(last), "attribution.surname");
    return null;
  }

  /** "879 inmates escaped, 443 recaptured — NCoS": a headline or lead crediting its source after a final dash. */
  private headlineCredit(sentence: Span): Attribution | null {
    const { text } = this.doc;
    const from = Math.max(sentence.start, sentence.end - CREDIT_CHARS);
    const m = HEADLINE_CREDIT.exec(text.slice(from, sentence.end));
    if (!m) return null;
    const start = from + m.index + m[0].indexOf(m[1]);
    const actor = this.actors.startingIn(start, sentence.end).find((a) => a.end <= sentence.end);
    const read = actor ? null : sourceStartingClause(m[1]) ?? sourceEndingClause(m[1]);
    const source = actor?.value.name ?? read?.name ?? (this.knownPerson(m[1], true)?.name ?? null);
    return source ? { start, end: start + m[1].length, source, rule: "attribution.headline-credit", ...(read?.role ? { role: read.role } : {}) } : null;
  }

  /**
   * "Attaullah Khogyani, spokesman for the governor, said", "the spokesman for the service,
   * Adamu Duza, said", "The official, who asked not to be named, said": the subject is a chain of
   * appositions before the verb.
   */
  private appositionSubject(pieces: string[], floor: number, stretch: string): Attribution | null {
    const chunks = pieces.map((p) => p.trim());
    // A relative clause between subject and verb is not the subject.
    while (chunks.length > 1 && /^(?:who|which|whose|speaking|citing)\b/i.test(chunks[chunks.length - 1])) chunks.pop();
    const at = (phrase: string) => floor + Math.max(0, stretch.lastIndexOf(phrase));
    const last = chunks[chunks.length - 1];
    const previous = chunks.length > 1 ? chunks[chunks.length - 2] : "";
    // "Diallo, the governor, said": a lone surname in apposition to an office is a person too.
    const surname = isRolePhrase(last) && isSurname(previous) ? previous : null;
    const named = personInApposition(last) ?? (isRolePhrase(last) ? personInApposition(previous) ?? surname ?? sourceEndingClause(previous)?.name : null);
    const isPerson = named && (personInApposition(last) || sourceEndingClause(previous)?.kind === "person" || personInApposition(previous) || named === surname);
    if (named && isPerson) {
      const role = personInApposition(last) ? roleBefore(chunks.slice(0, -1)) : cleanRole(last);
      return this.personSource(this.addPerson(named, role), at(named.split(/\s+/)[0]), "attribution.person-apposition");
    }
    const known = this.knownPerson(last, true);
    if (known) return this.personSource(known, at(last), "attribution.person");
    const actor = this.actors.startingIn(at(last), floor + stretch.length).filter((a) => a.end <= floor + stretch.length).pop();
    const read = sourceEndingClause(last);
    if (actor) return this.actorSource(actor, read, "attribution.actor-verb");
    // "Mizan, the judiciary's news agency, reported": a name, then what it is.
    const outlet = previous && /^(?:the|a|an)\s/i.test(last) && OUTLET_DESCRIPTION.test(last) ? /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4}$/u.exec(previous)?.[0] : undefined;
    if (outlet && (outlet.includes(" ") ? !NOT_NAME_START.test(outlet) : isSurname(outlet))) return { start: at(outlet), end: floor + stretch.length, source: outlet, rule: "attribution.organisation-apposition" };
    if (/^the\s/i.test(last) && SOURCE_ANAPHOR.test(last) && this.lastSource) return { ...this.lastSource, start: at(last), rule: "attribution.anaphor" };
    if (read?.kind === "person") return this.personSource(this.addPerson(read.name, read.role), at(last), "attribution.person-named");
    if (read) return { start: at(last), end: floor + stretch.length, source: read.name, rule: "attribution.speaker" };
    // "A monitoring group, the Observatoire congolais des prisons, said": a name in apposition.
    const name = /^(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5})$/u.exec(last)?.[1];
    if (name && previous && sourceEndingClause(previous)) return { start: at(last), end: floor + stretch.length, source: name, rule: "attribution.organisation-apposition" };
    return null;
  }

  /**
   * "according to X", "said X": the source a clause starts with. `inverted`: only a source that
   * reads as one ("said two people were killed" names nobody).
   */
  private objectAfter(at: number, end: number, inverted = false): Omit<Attribution, "start" | "end"> | null {
    const { text } = this.doc;
    // "…, said on Friday the governor, Ali Musa": translated copy puts the time before the speaker.
    const time = inverted ? TIME_BEFORE_SPEAKER.exec(text.slice(at, Math.min(end, at + LOOKAHEAD_CHARS))) : null;
    const pos = at + (time ? time[0].length : 0);
    const rest = text.slice(pos, Math.min(end, pos + LOOKAHEAD_CHARS));
    const first = /^\s*([\p{L}]+)/u.exec(rest)?.[1] ?? "";
    const pronounPerson = PRONOUN_PERSON.test(first) ? this.pronounPerson(pos) : null;
    if (pronounPerson) return { ...pronounPerson, rule: "attribution.pronoun-person" };
    if (PRONOUN_ORG.test(first) && this.lastOrg) return { ...this.lastOrg, rule: "attribution.pronoun-org" };
    // A pronoun with no one named before it: nobody the reader could name.
    if (PRONOUN_PERSON.test(first) || PRONOUN_ORG.test(first)) return null;
    const known = this.knownSourceAfter(pos);
    if (known) return known;
    if (inverted && /^\s*(?:that|this|it|there|on|in|at|by|the\s+\w+\s+(?:had|have|was|were|is|are))\b/i.test(rest)) return null;
    const read = sourceStartingClause(rest.split(/[.;:“”"]/)[0]);
    if (read?.kind === "person") this.addPerson(read.name, read.role);
    if (read) return { source: read.name, rule: "attribution.said-x", ...(read.role ? { role: read.role } : {}) };
    if (inverted) return null;
    const phrase = nounPhraseAfter(text, pos, end);
    return phrase ? { source: phrase, rule: "attribution.noun-phrase" } : null;
  }

  /** "..., Peter Lomuria, said": a person's name is the chunk right before the verb's comma. */
  private personJustBefore(verbStart: number, floor: number): boolean {
    const chunks = this.doc.text.slice(Math.max(floor, verbStart - SUBJECT_REACH_CHARS), verbStart).split(CLAUSE_SEPARATORS);
    return chunks.length > 1 && /^\s*$/.test(chunks[chunks.length - 1]) && personInApposition(chunks[chunks.length - 2].trim()) !== null;
  }

  /** An actor or a person already named, right after `pos`. */
  private knownSourceAfter(pos: number): Omit<Attribution, "start" | "end"> | null {
    const actor = this.actorAnnotationNear(pos, OBJECT_WORDS);
    // "according to a police report seen by AFP": an actor after "by" is not the source the clause names.
    const between = actor ? this.doc.text.slice(pos, actor.start) : "";
    if (actor && !/\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(between) && !/\b(?:by|seen|obtained)\s/i.test(between)) {
      return this.actorSource(actor, sourceStartingClause(this.doc.text.slice(pos, actor.end + 40).split(/[.;:“”"]/)[0]), "attribution.said-x");
    }
    const person = this.knownPerson(this.doc.text.slice(pos, pos + 80).trim(), false);
    return person ? this.personSource(person, pos, "attribution.said-x") : null;
  }

  private personSource(person: Person, start: number, rule: string): Attribution {
    return { start, end: start, source: person.name, rule, ...(person.role ? { role: person.role } : {}) };
  }

  /** A named actor is its normalised name; a generic one ("security officials") keeps the words the text uses. */
  private actorSource(actor: Annotation<ActorValue>, read: SourcePhrase | null, rule: string): Attribution {
    const generic = GENERIC_ACTOR_KINDS.has(actor.value.kind) && read && read.kind !== "person";
    if (DESCRIBED_ACTORS.has(actor.value.id)) {
      // "State television reported": a description is kept as written, in lower case like mid-sentence.
      const words = this.doc.text.slice(actor.start, actor.end);
      return { start: actor.start, end: actor.end, source: /^\p{Lu}\p{Ll}/u.test(words) ? words[0].toLowerCase() + words.slice(1) : words, rule };
    }
    return { start: actor.start, end: actor.end, source: generic ? read.name : actor.value.name, rule };
  }

  /** "told AFP", "told the BBC": the outlet the source spoke to. */
  private outletAfter(pos: number): string | null {
    const actor = this.actorAnnotationNear(pos, VIA_WORDS);
    return actor && (actor.value.kind === "media" || actor.value.kind === "monitor") ? actor.value.name : properNameAtStart(this.doc.text.slice(pos, pos + 60));
  }

  /** The last person and the last organisation named as sources: what "he" and "it" refer to. */
  private remember(a: Attribution): Attribution {
    this.lastSource = a;
    if (a.rule.startsWith("attribution.person") || this.persons.get(a.source)?.name === a.source) this.lastPerson = a;
    else if (!a.rule.startsWith("attribution.pronoun")) this.lastOrg = a;
    return a;
  }

  private actorAnnotationNear(pos: number, words: number): Annotation<ActorValue> | undefined {
    const { text } = this.doc;
    const limit = pos + text.slice(pos, pos + LOOKAHEAD_CHARS).split(/\s+/, words + 1).join(" ").length + 1;
    return this.actors.startingIn(pos, limit + 1)[0];
  }

  private actorNear(pos: number, words: number): string | null {
    return this.actorAnnotationNear(pos, words)?.value.name ?? null;
  }

  /** "the service", "the ministry": the last actor named before `pos` whose name has that head noun. */
  private definite(phrase: string, pos: number): string | null {
    const head = /^(?:the\s+)?([a-z]+)$/i.exec(phrase.trim())?.[1]?.toLowerCase();
    if (!head || head.length < 4) return null;
    const actor = this.actors.lastWithWordBefore(head, pos);
    return actor?.value.name ?? null;
  }
}

/** Words between a subject and its verb that are not the subject: "security sources have said". */
function stripAuxiliaries(piece: string): string {
  return piece.replace(/(?:\s+(?:has|have|had|also|further|later|earlier|previously|separately|then|again|already|initially|first|subsequently|reportedly|publicly|officially|yesterday|today|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day))+\s*$/i, "").trim();
}

/** "AFP", "the BBC", "Citizen TV": an outlet named as a proper name at the start of a stretch. */
function properNameAtStart(stretch: string): string | null {
  const m = /^[ \t]*(?:the[ \t]+)?((?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(stretch);
  return m ? m[1].replace(/[.,]+$/, "") : null;
}

/** The sentence holding `position`, by binary search over sentences in reading order; -1 between sentences. */
function sentenceIndexOf(sentences: Span[], position: number): number {
  let [low, high] = [0, sentences.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end <= position) low = mid + 1;
    else if (sentences[mid].start > position) high = mid - 1;
    else return mid;
  }
  return -1;
}

function nearest(list: Attribution[], position: number): Attribution {
  const before = list.filter((a) => a.start <= position);
  if (before.length) return before[before.length - 1];
  return list[0];
}

function nounPhraseAfter(text: string, pos: number, end = text.length): string | null {
  const clause = text.slice(pos, Math.min(end, pos + 80)).split(/[,;.“”"]/)[0].trim();
  const phrase = clause.split(/\s+/).slice(0, 5).join(" ").replace(/^(?:the|a|an)\s+/i, "");
  return phrase && phrase.length > 1 ? phrase : null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
