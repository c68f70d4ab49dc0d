// Which count a number is. A number belongs to the nearest cue in its clause: the verb after its
// noun phrase ("37 ISIS members escaped"), else the cue before it ("recaptured 104 militants",
// "a higher death toll, 67"). A trigger's cue gives its own quantity (escape -> escaped); count
// cues give casualties, population, at large and families. The noun after the number picks the
// casualty group ("seven Kurdish fighters" -> security_forces).
import type { Span } from "../model/doc.ts";
import type { CasualtyGroup, QuantityName } from "../model/incident.ts";
import scope from "./count-scope.json" with { type: "json" };
import { COUNT_CUE_PHRASES, COUNT_CUES, GROUPS, TRIGGER_QUANTITY, matchAll, phrasesPattern } from "./lexicon.ts";
import type { Trigger } from "./triggers.ts";
import { hasMatch, wordDistance } from "./window.ts";

export interface Cue extends Span {
  quantity: QuantityName;
  rule: string;
  /** The trigger this cue is, when it is one. */
  trigger?: Trigger;
}

export interface CountReading {
  quantity: QuantityName;
  group: CasualtyGroup | null;
  cue: Cue;
}

/** Count cues that are nouns naming who is counted, weaker than any verb after them. */
const NOUN_CUES = new Set(["count.escapees"]);
/** The count cue of detainees held somewhere. */
const HELD_RULE = "count.held";
/** "held at", "held in", "held by": where or by whom the counted people are held. */
const HELD_PARTICIPLE_AFTER = /^\s+(?:at|in|inside|by)\b/i;
/** "were held", "had been held": the verb of the clause, not a participle on its noun. */
const AUXILIARY_BEFORE = /\b(?:is|are|was|were|be|been|being|remain|remained|remains)\s+(?:\w+ly\s+)?$/i;
/** A cue after the number may be this many words away (its noun phrase sits between). */
const AFTER_WORDS = 12;
/**
 * A passive main verb may be this far after its number when a long noun phrase or a relative
 * clause sits between: "more than 300 inmates of the X centre in Y that escaped on Friday have
 * been recaptured".
 */
const PASSIVE_AFTER_WORDS = 30;
/** The auxiliaries of a passive or perfect main verb ("have been recaptured", "were killed"). */
const PASSIVE_BEFORE = /\b(?:have|has|had|were|was|are|is)\s+(?:been\s+|since\s+been\s+|also\s+been\s+)?(?:\w+ly\s+)?$/i;
/** "inmates who escaped", "prisoners that had fled": a relative clause describes the counted noun. */
const RELATIVE_BEFORE = /\b(?:who|that|which)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:been\s+)?$/i;
/** "escaped prisoners", "rescued inmates": a participle before a noun describes it. */
const NOUN_AFTER_PARTICIPLE = /^\s+(?:\w+\s+)?(?:inmates|prisoners|detainees|convicts|fighters|militants|members|suspects)\b/i;
/** "15 of the 21 escaped prisoners": the figure after "of the" is the whole the part is taken from. */
const PARTITIVE_TOTAL_BEFORE = /\bof\s+(?:the|these|those|its|their|all)\s+(?:\w+\s+)?$|\b(?:most|many|some|half|none|several|few|majority|part)\s+of\s+$/i;
/** Quantities that count detainees: "seven wardens were arrested" is not a recapture of seven. */
const DETAINEE_QUANTITIES = new Set<QuantityName>(["escaped", "recaptured", "at_large", "released"]);
/** "including four guards", "among them two inmates", "five people: three guards and two inmates": opens a list of parts of a set just counted. */
const INCLUSION_OPENER = /\b(?:including|among\s+them|among\s+whom|of\s+whom)\s|(?<=\b(?:people|persons|dead|killed|victims|casualties|wounded|injured)):\s/gi;
/** An inclusion list is looked for this far before a figure. */
const INCLUSION_LIST_CHARS = 80;
/** Phrases that make a figure a total over a period or an area, or another event's. */
const AGGREGATE = phrasesPattern([...scope.aggregate.phrases, ...scope.otherEvent.phrases]);
/** How far on each side of a figure its clause is searched for an aggregate phrase. */
const SCOPE_CHARS = 120;
/** "826 of the 1,200 inmates", "447 of the escapees": a figure naming part of a whole named after it. */
const PART_OF_WHOLE_AFTER = /^\s+of\s+(?:the|these|those|its|their|all)\b/i;
/** "40 of them", "three of whom": a figure naming part of a set just counted. */
const SUBSET_AFTER = /^\s+of\s+(?:them|whom)\b/i;
/** Where the noun after a figure ends: an aside ("12 people, including three guards") names other groups. */
const GROUP_WORDS_END = /[,;:(]|\b(?:including|among|of whom|of them)\b/i;
/** The describing cue of a partitive total sits right after it ("of the 21 escapees"). */
const PARTITIVE_CUE_WORDS = 3;
/** A cue before the number may be this many words away. */
const BEFORE_WORDS = 6;
/** "rose to 17", "climbed to", "stood at": a measure given a new value, its noun far before it. */
const MEASURED_BEFORE = /\b(?:rose|risen|rises|climbed|increased|jumped|grew|reached|stood|stands|revised\s+\w+)\s+(?:to|at)\s+$|\breached\s+$/i;
const MEASURED_LOOKBEHIND_CHARS = 30;
/** The measure's cue ("death toll", "number of escapees") may be this many words before its value. */
const MEASURED_BEFORE_WORDS = 14;
/** Words after the number that name who was counted. */
const NOUN_WORDS = 6;
/** A families noun heads the counted phrase within this many words ("180 Iraqi families"). */
const FAMILIES_HEAD_WORDS = 3;
/** Kin of detainees: always counted as families. */
const KIN_NOUNS = phrasesPattern(scope.families.kin);
/** People who are held themselves: families only when no other quantity counts them. */
const HELD_PEOPLE_NOUNS = phrasesPattern(scope.families.heldPeople);
/** Armed people who, counted in a sentence telling an attack, are its attackers. */
const ATTACKER_NOUNS = phrasesPattern(scope.attackers.nouns);
/** "by some 200 gunmen", "involved at least 50 gunmen", "a force numbering 300": the figure is the attack's agent. */
const AGENT_BEFORE = /\b(?:by|involv(?:ed|ing)|numbering|totall?ing)\s+$/i;
/** Verbs that tell what befell armed people, not that they attacked. */
const DONE_TO_ATTACKERS = /\b(?:arrested|detained|captured|caught|held|killed|dead|died|neutrali[sz]ed|wounded|injured|charged|sentenced|convicted|tried|wanted|surrendered|sought|identified|paraded)\b/i;
/** The figure opens its clause: "About 300 fighters took part in the assault". */
const CLAUSE_OPENING = /(?:^|[,;:(]|\b(?:and|as|when|while|after)\s)\s*$/i;
/** Quantities that count people held, escaped or harmed as themselves, not as someone's family. */
const PEOPLE_HELD_QUANTITIES = new Set<QuantityName>(["escaped", "recaptured", "at_large", "released", "held", "killed", "wounded"]);

/** The cues of one sentence: its accepted triggers with a quantity, and count cue words. */
export function cuesOf(text: string, sentence: Span, triggers: Trigger[]): Cue[] {
  const cues: Cue[] = [];
  for (const t of triggers) {
    const quantity = TRIGGER_QUANTITY[t.type];
    if (quantity) cues.push({ start: t.start, end: t.end, quantity, rule: t.rule, trigger: t });
  }
  // Trigger cues first, then the longest count cue where count cues overlap
  // ("the number of escapees" over "escapees").
  const phrases = COUNT_CUE_PHRASES.matches(text, sentence.start, sentence.end);
  const found = !phrases ? [] : COUNT_CUES.flatMap((entry, k) =>
    phrases[k].map((m) => ({ start: m.start, end: m.end, quantity: entry.quantity, rule: entry.id })),
  ).sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const cue of found) {
    if (!cues.some((c) => c.start < cue.end && cue.start < c.end)) cues.push(cue);
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * Reads what the number at `span` counts, or null when no cue claims it. Kin of detainees are
 * families ("40 families of fighters left the camp"); people who are themselves held ("released
 * 126 minors", "four women escaped") are families only when nothing else counts them.
 */
export function readCount(text: string, sentence: Span, span: Span, cues: Cue[]): CountReading | null {
  const noun = text.slice(span.end, Math.min(sentence.end, span.end + 60)).split(/[,;.]/)[0];
  const nounWords = noun.trim().split(/\s+/).slice(0, NOUN_WORDS).join(" ");
  const head = nounWords.split(/\s+/).slice(0, FAMILIES_HEAD_WORDS).join(" ");
  // "the junta freed 600 prisoners, among them 40 women": a part of a set, never families.
  const inclusion = inclusionListStart(text, sentence, span, cues);
  if (inclusion === null && hasMatch(KIN_NOUNS, head, 0, head.length)) return familiesReading(span);
  const reading = readPeopleCount(text, sentence, span, cues, nounWords, inclusion) ?? (inclusion === null ? attackersByNoun(text, sentence, span, cues, head) : null);
  const countedAsHeld = reading !== null && PEOPLE_HELD_QUANTITIES.has(reading.quantity);
  if (inclusion === null && !countedAsHeld && hasMatch(HELD_PEOPLE_NOUNS, head, 0, head.length)) return familiesReading(span);
  return reading;
}

/**
 * "The attack was carried out by around 100 militants", "About 300 fighters took part in the
 * assault": armed people counted as the agent of an attack, or opening their clause, in a sentence
 * that tells one, are its attackers.
 */
function attackersByNoun(text: string, sentence: Span, span: Span, cues: Cue[], head: string): CountReading | null {
  const attack = cues.find((c) => c.quantity === "attackers");
  if (!attack || !hasMatch(ATTACKER_NOUNS, head, 0, head.length)) return null;
  const before = text.slice(sentence.start, span.start);
  if (!AGENT_BEFORE.test(before) && !CLAUSE_OPENING.test(before)) return null;
  // "five militants were arrested over the attack": what was done to them, not what they did.
  const clause = text.slice(span.end, sentence.end).split(/[,;:.]/)[0];
  if (DONE_TO_ATTACKERS.test(clause)) return null;
  return { quantity: "attackers", group: null, cue: attack };
}

function familiesReading(span: Span): CountReading {
  return { quantity: "families", group: null, cue: { start: span.start, end: span.end, quantity: "families", rule: scope.families.id } };
}

function readPeopleCount(text: string, sentence: Span, span: Span, cues: Cue[], nounWords: string, inclusion: number | null): CountReading | null {
  // "nine bodies near the gate, several with gunshot wounds": a part described, not a new figure.
  if (/,\s*$/.test(text.slice(Math.max(sentence.start, span.start - 3), span.start)) && /^\s+with\b/i.test(text.slice(span.end, span.end + 6))) return null;
  // "killing 12 people, including four guards and two inmates": a part of a casualty toll, by its
  // group; "five detainees, including two Russians and one Libyan, fled": parts of a set, no count.
  if (inclusion !== null) {
    // The toll is counted before the list, or by the verb after it ("12 people, including three
    // guards, were killed").
    const isToll = (c: Cue) => c.quantity === "killed" || c.quantity === "wounded";
    const toll = cues.filter((c) => c.end <= inclusion && isToll(c)).pop() ?? cues.find((c) => c.start >= span.end && isToll(c));
    const group = groupOf(nounWords.split(GROUP_WORDS_END)[0]);
    return toll && group ? { quantity: toll.quantity, group, cue: toll } : null;
  }
  // "826 of the 1,200 inmates held there escaped": what the whole is (held, escapees) is not the part's count.
  const partOfWhole = PART_OF_WHOLE_AFTER.test(text.slice(span.end, span.end + 16));
  const afterAll = cues
    .filter((c) => c.start >= span.end && !modifiesNoun(text, c) && wordDistance(text, span, c, PASSIVE_AFTER_WORDS) <= reachAfter(text, c) && !crossesClause(text, span.end, c.start))
    .filter((c) => !partOfWhole || !(c.quantity === "held" || NOUN_CUES.has(c.rule)))
    .sort((a, b) => a.start - b.start);
  // "76 escaped, 40 of them from the north" describes a part; "killing 12 people, three of them
  // guards" is a part of the toll by group; "..., two of them were killed" is a count of its own.
  if (/,\s*$/.test(text.slice(Math.max(sentence.start, span.start - 3), span.start)) && SUBSET_AFTER.test(text.slice(span.end, span.end + 12))) {
    const own = afterAll.find((c) => wordDistance(text, span, c, PARTITIVE_CUE_WORDS + 1) <= PARTITIVE_CUE_WORDS + 1);
    if (!own) {
      const toll = cues.filter((c) => c.end <= span.start && (c.quantity === "killed" || c.quantity === "wounded")).pop();
      const group = groupOf(nounWords.replace(/^\s*of\s+(?:them|whom)\s*/i, "").split(GROUP_WORDS_END)[0]);
      return toll && group ? { quantity: toll.quantity, group, cue: toll } : null;
    }
  }
  // "15 of the 21 escaped prisoners": the total takes only the words that describe it.
  if (PARTITIVE_TOTAL_BEFORE.test(text.slice(Math.max(sentence.start, span.start - 24), span.start))) {
    const describing = afterAll.find((c) => describesNoun(text, c) && wordDistance(text, span, c, PARTITIVE_CUE_WORDS) <= PARTITIVE_CUE_WORDS);
    return describing ? { quantity: describing.quantity, group: null, cue: describing } : null;
  }
  // "21 escapees had been recaptured", "300 inmates who escaped were recaptured": the noun and
  // its relative clause say who is counted, the main verb what happened to them.
  const after = afterAll.find((c) => !describesNoun(text, c)) ?? afterAll[0];
  // "the death toll from Monday's riot at the prison rose to 17": the measure names what is counted.
  const beforeReach = MEASURED_BEFORE.test(text.slice(Math.max(sentence.start, span.start - MEASURED_LOOKBEHIND_CHARS), span.start)) ? MEASURED_BEFORE_WORDS : BEFORE_WORDS;
  const before = cues
    .filter((c) => c.end <= span.start && !NOUN_CUES.has(c.rule) && wordDistance(text, c, span, beforeReach) <= beforeReach && !crossesClause(text, c.end, span.start, true))
    .sort((a, b) => b.end - a.end)[0];
  const cue = pick(text, span, after, before);
  if (!cue) return null;
  if (DETAINEE_QUANTITIES.has(cue.quantity) && groupOf(nounWords.split(/\s+/).slice(0, 2).join(" ")) === "security_forces") return null;
  // An attack trigger counts its attackers only as the subject ("100 militants stormed the
  // prison") or its agent ("was stormed by about 300 fighters").
  if (cue.quantity === "attackers" && cue.start < span.start && !AGENT_BEFORE.test(text.slice(Math.max(sentence.start, span.start - 16), span.start))) return null;
  // The casualty group is named between the number and its verb ("two inmates and a guard were
  // killed"), or after the number when the cue comes first ("claiming the lives of five police");
  // "Three killed as inmates riot" names no group.
  // "12 people, including three officers, were killed": the overall figure names no group.
  const groupWords = (cue.start >= span.end ? text.slice(span.end, cue.start) : nounWords).split(GROUP_WORDS_END)[0];
  const group = cue.quantity === "killed" || cue.quantity === "wounded" ? groupOf(groupWords) : null;
  return { quantity: cue.quantity, group, cue };
}

/**
 * "In 2019, 30 inmates were killed at the same prison", "five years ago 40 escaped": a figure whose
 * nearest time expression is in the past counts an earlier event, not this one. A past date
 * after a comma is an aside ("killing two guards, the worst attack since 2019") and does not count.
 * A figure summed over a period or a region ("killed in prison riots in the country in 2021
 * alone") is no one event's either.
 */
export function isBackgroundFigure(text: string, figure: Span, times: Array<Span & { past: boolean }>): boolean {
  if (isAggregate(text, figure)) return true;
  let nearest: (Span & { past: boolean }) | null = null;
  let distance = Infinity;
  for (const mark of times) {
    const d = mark.end <= figure.start ? figure.start - mark.end : Math.max(0, mark.start - figure.end);
    if (d < distance) {
      nearest = mark;
      distance = d;
    }
  }
  if (!nearest?.past) return false;
  return nearest.end <= figure.start || !/[,;:(]/.test(text.slice(figure.end, nearest.start));
}

/** A total or another event's figure: an aggregate phrase in the clause of the figure, as far as a sentence or clause break on each side. */
function isAggregate(text: string, figure: Span): boolean {
  const before = text.slice(Math.max(0, figure.start - SCOPE_CHARS), figure.start);
  const after = text.slice(figure.end, figure.end + SCOPE_CHARS);
  const from = figure.start - (before.length - Math.max(0, ...[".", ";", "\n"].map((c) => before.lastIndexOf(c) + 1)));
  const cut = after.search(/[.;\n]/);
  const to = cut < 0 ? figure.end + after.length : figure.end + cut;
  return matchAll(AGGREGATE, text, from, to).length > 0;
}

/** Where an inclusion list holding the figure starts ("including two Russians, two Afghans and one Libyan"), or null. */
function inclusionListStart(text: string, sentence: Span, span: Span, cues: Cue[]): number | null {
  const before = text.slice(Math.max(sentence.start, span.start - INCLUSION_LIST_CHARS), span.start);
  const opener = [...before.matchAll(INCLUSION_OPENER)].pop();
  if (!opener) return null;
  const at = span.start - before.length + opener.index!;
  // The list goes on through commas and "and", never through a verb of its own or a clause break.
  if (/[;:.]/.test(text.slice(at + opener[0].length, span.start)) || cues.some((c) => c.start > at && c.end <= span.start)) return null;
  return at;
}

/** How far after its number a cue may be: further for a passive main verb. */
function reachAfter(text: string, cue: Span): number {
  return PASSIVE_BEFORE.test(text.slice(Math.max(0, cue.start - 30), cue.start)) ? PASSIVE_AFTER_WORDS : AFTER_WORDS;
}

/** A cue that describes the counted noun rather than saying what happened to it. */
function describesNoun(text: string, cue: Cue): boolean {
  if (NOUN_CUES.has(cue.rule)) return true;
  // "300 detainees held at the camp were flown to": "held" after its noun, with no auxiliary, is a
  // participle that says where they were, not the event.
  if (cue.rule === HELD_RULE && /^held$/i.test(text.slice(cue.start, cue.end)) && HELD_PARTICIPLE_AFTER.test(text.slice(cue.end, cue.end + 10)) && !AUXILIARY_BEFORE.test(text.slice(Math.max(0, cue.start - 12), cue.start))) return true;
  if (RELATIVE_BEFORE.test(text.slice(Math.max(0, cue.start - 24), cue.start))) return true;
  return /ed$/i.test(text.slice(cue.start, cue.end)) && NOUN_AFTER_PARTICIPLE.test(text.slice(cue.end, cue.end + 30));
}

/** "23 of the escaped inmates had been rearrested": a participle after a determiner describes, it does not govern. */
function modifiesNoun(text: string, cue: Span): boolean {
  return /\b(?:the|these|those|of)\s+$/i.test(text.slice(Math.max(0, cue.start - 8), cue.start));
}

function pick(text: string, span: Span, after: Cue | undefined, before: Cue | undefined): Cue | undefined {
  if (after && before) {
    // The verb after the noun phrase governs the number unless the cue before is adjacent:
    // "recaptured 104 militants who escaped", "transported 150 fighters held at".
    // Quotes and brackets between do not separate them: 'had freed "over 120 of our brothers'.
    return /^[\s"“”'‘’(\[]*$/.test(text.slice(before.end, span.start)) ? before : after;
  }
  return after ?? before;
}

/** Clause breaks between a number and a cue: a new clause usually brings a new subject. */
function crossesClause(text: string, from: number, to: number, backwards = false): boolean {
  const between = text.slice(from, to);
  if (/[;:]|\s(?:but|while|whereas)\s/.test(between)) return true;
  // "a higher death toll, 67": a comma right before the number is an apposition, not a break.
  if (backwards) return /,/.test(between.slice(0, -3));
  return /,\s+(?:which|who|where|after|before|as|when)\b/.test(between);
}

function groupOf(nounWords: string): CasualtyGroup | null {
  const lower = nounWords.toLowerCase();
  let best: { group: CasualtyGroup; at: number; length: number } | null = null;
  for (const g of GROUPS) {
    g.pattern.lastIndex = 0;
    const m = g.pattern.exec(lower);
    if (m && (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length))) {
      best = { group: g.group, at: m.index, length: m[0].length };
    }
  }
  return best?.group ?? null;
}
