// Stages: numbers become claims of the event they count.
//   1. A number goes to the cue that governs it (counts.ts): a trigger's own quantity, else the
//      nearest event that can hold that quantity; casualty figures with no event in their sentence
//      go to the attack or riot the text is about, other figures to the story's latest event
//      that counts them ("Ojok put the number of escapees at 211").
//   2. "The inmates were arrested": a definite plural takes the unclaimed count given just before.
//   3. The attack the story is about moves on, or is lost after an attack on something else
//      ("stormed an army barracks", whose dead are not the prison's).
import type { Annotation, Span } from "../../model/doc.ts";
import type { Claim, CountClaims, IncidentType, QuantityName } from "../../model/incident.ts";
import { cuesOf, isBackgroundFigure, readCount, type CountReading } from "../counts.ts";
import { DETAINEE_NOUNS, GROUP_NOUN_AFTER_ARTICLE, NON_PERSON_NOUNS, matchAll } from "../lexicon.ts";
import type { QuantityValue } from "../quantities/index.ts";
import type { Trigger } from "../triggers.ts";
import { windowAfter, wordDistance } from "../window.ts";
import { nearestMention, type SentenceView, type Story, type Working } from "./context.ts";

/** "a" and "an" read as one: a count only for one casualty named beside its verb ("killing a warder"). */
const ARTICLE_RULE = "quantity.article";
/** How far after "a"/"an" its person is looked for: most articles in a report name none, and reading each is costly. */
const ARTICLE_NOUN_CHARS = 40;
/** The earlier items of a list a lone casualty ends: "two policemen and ", "three inmates, ". */
const LIST_BEFORE = /^\s+[\w\s-]+(?:,|\band)\s+$/i;
/** Words that may stand between "a guard" and the verb that says what befell him. */
const LONE_CASUALTY_GAP_WORDS = 8;
/** Casualty figures with no trigger of their own go to an attack told at most this many sentences before. */
const CASUALTY_REACH_SENTENCES = 6;
/** Types whose casualty figures attach to them. */
const CASUALTY_TYPES = new Set<IncidentType>(["attack", "riot", "escape"]);
/** An unclaimed detainee count may be taken by "the inmates" this many sentences later. */
const PENDING_REACH_SENTENCES = 2;
const TRIGGER_QUANTITY_OF: Partial<Record<IncidentType, QuantityName>> = { escape: "escaped", release: "released", recapture: "recaptured", transfer: "transferred" };

export function claimCounts(s: SentenceView): void {
  if (s.quantities.length === 0) return; // nothing to claim: skip reading cues and times
  const { story, sentence, index } = s;
  const text = story.text;
  const cues = cuesOf(text, sentence, s.triggers);
  const attackElsewhere = s.scan.rejected.some((r) => isAttackOnSomethingElse(text, r));
  const times = s.times();
  // Claims of this sentence by mention and count, for listed figures of one group to add up.
  const listed = new Map<Working, Map<string, ListedClaim>>();
  for (const q of s.quantities) {
    if (q.value.noCount || (q.rule === ARTICLE_RULE && !GROUP_NOUN_AFTER_ARTICLE.test(text.slice(q.end, q.end + ARTICLE_NOUN_CHARS)))) continue;
    if (countsThings(text, q, sentence) || isBackgroundFigure(text, q, times)) continue;
    const reading = readCount(text, sentence, q, cues);
    if (q.rule === ARTICLE_RULE && !(reading && isLoneCasualty(s, q, reading))) continue;
    const pend = () => {
      if (followedByDetainees(text, q, sentence)) story.pendingDetaineeCounts.push({ sentence: index, value: q.value, span: q, rule: q.rule });
    };
    if (!reading) {
      const revised = revisedFigureOwner(story, sentence, index, q);
      if (revised) addClaim(story, revised.owner, revised.quantity, revised.group, q, story.attributor.sourceAt(index, q.start)?.source ?? null, sentence);
      else pend();
      continue;
    }
    const owner = reading.cue.trigger
      ? s.created.find((m) => m.trigger.start === reading.cue.trigger!.start && m.type === reading.cue.trigger!.type)
      : nearestMention(s.created.filter((m) => accepts(m.type, reading.quantity)), q) ??
        (reading.quantity === "killed" || reading.quantity === "wounded"
          ? casualtyOwner(story.attackFocus, index, attackElsewhere)
          : threadOwner(story.mentions, index, reading.quantity));
    if (!owner) {
      pend();
      continue;
    }
    const previous = listed.get(owner)?.get(`${reading.quantity}|${reading.group ?? ""}`);
    if (previous && reading.group && sameList(s, previous.figure, q)) {
      addToListedClaim(owner, previous, q);
      continue;
    }
    const revised = SUPERSEDED.test(text.slice(Math.max(sentence.start, q.start - SUPERSEDED_REACH_CHARS), q.start));
    const claim = addClaim(story, owner, reading.quantity, reading.group, q, story.attributor.sourceAt(index, q.start)?.source ?? null, sentence, revised);
    if (claim) {
      const byCount = listed.get(owner) ?? new Map<string, ListedClaim>();
      byCount.set(`${reading.quantity}|${reading.group ?? ""}`, { claim, figure: q });
      listed.set(owner, byCount);
    }
    story.lastFigure = { sentence: index, owner, quantity: reading.quantity, group: reading.group };
  }
}

/** A claim of this sentence and the figure it was last read from, for lists to add to. */
interface ListedClaim {
  claim: Claim;
  figure: Span;
}

/**
 * "killing two policemen and a prison warder", "three soldiers, two guards and a policeman
 * died": figures of one group listed together are one count, their sum.
 */
function sameList(s: SentenceView, previous: Span, q: Span): boolean {
  const between = s.story.text.slice(previous.end, q.start);
  return LIST_JOINER.test(between) && wordDistance(s.story.text, previous, q, LIST_GAP_WORDS) <= LIST_GAP_WORDS && !s.tags().some((t) => t.start >= previous.end && t.end <= q.start && t.pos === "VERB");
}
/** The words between two listed figures: their group's noun, then a comma or "and". */
const LIST_JOINER = /^\s+[\w\s-]+?(?:,\s*(?:and\s+)?|\s+and\s+)$/i;
const LIST_GAP_WORDS = 5;

function addToListedClaim(owner: Working, previous: ListedClaim, q: Annotation<QuantityValue>): void {
  const c = previous.claim;
  c.low += q.value.low;
  c.high = c.high === null || q.value.high === null ? null : c.high + q.value.high;
  if (c.best !== undefined || q.value.best !== undefined) c.best = (c.best ?? c.low - q.value.low) + (q.value.best ?? q.value.low);
  previous.figure = q;
  owner.evidence.push({ start: q.start, end: q.end, kind: "quantity", rule: q.rule });
}

/**
 * "Police first said 30 inmates escaped, but later raised the figure to 52", "the tally has since
 * risen to 61": a figure that names no people of its own restates the figure the story gave last.
 */
const REVISED_FIGURE_BEFORE = /\b(?:figure|number|tally|count|total|estimate|toll)s?\s+(?:\w+\s+){0,3}?(?:to|at)\s+$/i;
/** The restated figure is looked for this far back in the story. */
const REVISED_REACH_SENTENCES = 2;
const REVISED_LOOKBEHIND_CHARS = 60;

function revisedFigureOwner(story: Story, sentence: Span, index: number, q: Span): Story["lastFigure"] {
  const last = story.lastFigure;
  if (!last || index - last.sentence > REVISED_REACH_SENTENCES) return null;
  return REVISED_FIGURE_BEFORE.test(story.text.slice(Math.max(sentence.start, q.start - REVISED_LOOKBEHIND_CHARS), q.start)) ? last : null;
}

/**
 * "killing a warder and two inmates", "a guard was killed", "left an inmate dead": one casualty
 * of a named group, with its verb right before it or after it across no other verb ("a guard
 * said 12 inmates were killed" counts no guard). "a higher death toll" names no group.
 */
function isLoneCasualty(s: SentenceView, q: Span, reading: CountReading): boolean {
  if ((reading.quantity !== "killed" && reading.quantity !== "wounded") || !reading.group) return false;
  const text = s.story.text;
  const cue = reading.cue;
  const noVerbBetween = (from: number, to: number) => !s.tags().some((t) => t.start >= from && t.end <= to && t.pos === "VERB");
  // "killing a guard", "killing two policemen and a prison warder": right after its verb, or last in its list.
  if (cue.end <= q.start) {
    const between = text.slice(cue.end, q.start);
    return /^[\s"“”'‘’]*$/.test(between) || (LIST_BEFORE.test(between) && wordDistance(text, cue, q, LONE_CASUALTY_GAP_WORDS) <= LONE_CASUALTY_GAP_WORDS && noVerbBetween(cue.end, q.start));
  }
  if (wordDistance(text, q, cue, LONE_CASUALTY_GAP_WORDS) > LONE_CASUALTY_GAP_WORDS) return false;
  return noVerbBetween(q.end, cue.start);
}

/** "Initially, the ministry put the toll at 30", "an earlier toll of 12": a figure the story says was revised. */
const SUPERSEDED = /\b(?:initially|originally|at\s+first|first\s+(?:said|put|gave|counted)|earlier\s+(?:toll|figure|count|report)s?|(?:a|the)\s+(?:first|preliminary|provisional|previous)\s+(?:toll|figure|count|report)|first\s+reported|previously\s+(?:reported|put|said|gave))\b/i;
const SUPERSEDED_REACH_CHARS = 100;

export function claimPendingCounts(s: SentenceView): void {
  const { story, sentence, index } = s;
  const text = story.text;
  for (const m of s.created) {
    const main = m.type === "recapture" ? "recaptured" : m.type === "escape" ? "escaped" : null;
    if (!main || m.counts.some((c) => c.quantity === main)) continue;
    const pending = story.pendingDetaineeCounts.filter((p) => p.sentence >= index - PENDING_REACH_SENTENCES && p.sentence < index).pop();
    if (pending && /\b(?:the|these|those)\s+(?:\w+\s+)?(?:inmates|prisoners|detainees|escapees|fugitives)\b/i.test(text.slice(sentence.start, m.trigger.start))) {
      const q = { ...pending.span, kind: "quantity" as const, value: pending.value, rule: pending.rule };
      addClaim(story, m, main, null, q, story.attributor.sourceAt(pending.sentence, pending.span.start)?.source ?? null, story.sentences[pending.sentence]);
    }
  }
}

export function followAttackFocus(s: SentenceView): void {
  const attackHere = s.created.find((m) => m.type === "attack" || m.type === "riot");
  if (attackHere) s.story.attackFocus = attackHere;
  else if (s.scan.rejected.some((r) => isAttackOnSomethingElse(s.story.text, r))) s.story.attackFocus = null;
}

function addClaim(story: Story, m: Working, quantity: QuantityName, group: CountClaims["group"], q: Annotation<QuantityValue>, source: string | null, sentence: Span, revised = false): Claim | null {
  let count = m.counts.find((c) => c.quantity === quantity && c.group === group);
  if (!count) {
    count = { quantity, group, claims: [] };
    m.counts.push(count);
  }
  if (count.claims.some((c) => c.start === sentence.start && c.low === q.value.low)) return null;
  const claim: Claim = {
    low: q.value.low,
    high: q.value.high,
    ...(q.value.best !== undefined ? { best: q.value.best } : {}),
    source,
    document: story.doc.id,
    quote: story.text.slice(sentence.start, sentence.end),
    start: sentence.start,
    end: sentence.end,
    rule: q.rule,
    ...(revised ? { revised: true } : {}),
  };
  count.claims.push(claim);
  m.evidence.push({ start: q.start, end: q.end, kind: "quantity", rule: q.rule });
  return claim;
}

function accepts(type: IncidentType, quantity: QuantityName): boolean {
  if (quantity === "killed" || quantity === "wounded") return CASUALTY_TYPES.has(type);
  if (quantity === "held") return type !== "alert";
  if (quantity === "at_large") return type === "escape" || type === "recapture";
  if (quantity === "families") return type === "transfer" || type === "release" || type === "escape";
  return true;
}

/** "Ojok put the number of escapees at 211": a figure with no event in its sentence goes to the story's latest event it can count. */
function threadOwner(mentions: Working[], sentence: number, quantity: QuantityName): Working | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (sentence - m.sentence > CASUALTY_REACH_SENTENCES) break;
    if (TRIGGER_QUANTITY_OF[m.type] === quantity || (quantity === "at_large" && (m.type === "escape" || m.type === "recapture"))) return m;
  }
  return undefined;
}

/** An attack trigger rejected for its target ("stormed an army barracks"); "the attack" alone refers back. */
function isAttackOnSomethingElse(text: string, t: Trigger): boolean {
  return t.type === "attack" && !/^attacks?$/i.test(text.slice(t.start, t.end));
}

function casualtyOwner(focus: Working | null, sentence: number, blocked: boolean): Working | undefined {
  if (blocked || !focus || sentence - focus.sentence > CASUALTY_REACH_SENTENCES) return undefined;
  return focus;
}

/** "a dozen facilities", "two explosions": numbers that count things, not people. */
function countsThings(text: string, q: Span, sentence: Span): boolean {
  const next = text.slice(q.end, windowAfter(text, q.end, 2, sentence.end));
  NON_PERSON_NOUNS.lastIndex = 0;
  const m = NON_PERSON_NOUNS.exec(next);
  return Boolean(m && m.index <= 1 + (next.match(/^\s*\S+\s+/)?.[0].length ?? 0) && !DETAINEE_NOUNS.test(next.slice(0, m.index)));
}

function followedByDetainees(text: string, q: Span, sentence: Span): boolean {
  const after = text.slice(q.end, windowAfter(text, q.end, 3, sentence.end));
  return matchAll(DETAINEE_NOUNS, after).length > 0;
}
