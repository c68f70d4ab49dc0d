// Could a story be about the security of a detention facility? A cheap, high-recall prefilter
// over data/relevance.json: extraction decides what happened. Steps:
//  1. find where the story words detention at all: a facility the gazetteer recognises (head word
//     or name) or a custody word. Most pages have none and stop here, after two scans.
//  2. read only the sentences around those words: one of them must also name an event (escape,
//     assault, riot, transfer, release, control, alert ...). A camp or police station counts
//     only in a sentence that also names detainees or custody, or when the camp is known by name.
//  3. a story that reads as a film or book review, or as fiction, tells no event at all.
import data from "./data/relevance.json" with { type: "json" };
import { facilityWordingIn } from "../gazetteer/index.ts";
import type { FacilityKind } from "../model/incident.ts";
import type { Span } from "../model/doc.ts";
import { isCloserCode, isOpenerCode, isSpaceCode, isTerminalCode, isUpperCode } from "./chars.ts";
import { alternativesOf, factorAlternatives, matchesOf } from "./alternation.ts";

interface EventRule {
  id: string;
  pattern: RegExp;
}

const wordPattern = (source: string, flags = "i") => new RegExp(`\\b(?:${source})\\b`, flags);
// Written as a trie: it is read against every word of every page.
const CUSTODY = wordPattern(factorAlternatives(alternativesOf(data.custody.pattern)), "gi");
const EVENTS: EventRule[] = data.event.map((r) => ({ id: r.id, pattern: wordPattern(r.pattern) }));
// Every event in one pattern: a sentence that names none (most sentences around a detention word on
// pages that are not about an incident) is read once instead of once per event.
const ANY_EVENT = wordPattern(data.event.map((r) => `(?:${r.pattern})`).join("|"));
const NEEDS_CUSTODY_WORDS = new Set<string>(data.kindsNeedingCustodyWords);
const FICTION_CUES: EventRule[] = data.fiction.cues.map((c) => ({ id: c.id, pattern: new RegExp(`\\b(?:${c.pattern})`, "i") }));
// Every cue in one pattern: it matches a story exactly when one of the cues does, and most stories
// name none, so they are read once instead of once per cue.
const ANY_FICTION_CUE = new RegExp(`\\b(?:${data.fiction.cues.map((c) => `(?:${c.pattern})`).join("|")})`, "i");

export interface Relevance {
  relevant: boolean;
  /** Sentences that word detention together with an event. */
  score: number;
  reason: string;
}

/** A stretch that words detention; `certain` unless it is a camp or police station not known by name. */
interface DetentionWord extends Span {
  certain: boolean;
}

function detentionWords(text: string): DetentionWord[] {
  const words: DetentionWord[] = facilityWordingIn(text).map((w) => ({
    start: w.start,
    end: w.end,
    certain: w.named || !NEEDS_CUSTODY_WORDS.has(w.kind satisfies FacilityKind),
  }));
  for (const m of matchesOf(CUSTODY, text)) words.push({ start: m.index, end: m.index + m[0].length, certain: true });
  return words.sort((a, b) => a.start - b.start);
}


/** A sentence may start at `i`: a capital, a digit or an opening quote (as the old splitter required). */
function opensSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || isOpenerCode(c) || isUpperCode(c);
}

/** Closing quotes and brackets looked through after a full stop: bounded, so every check is O(1). */
const MAX_CLOSERS = 3;

/**
 * A sentence ends at `i` (exclusive): terminal punctuation and closing quotes before it, then a
 * line break, the end, or a space before a new sentence (or a wider gap).
 */
function endsSentenceAt(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - 1 - k < MAX_CLOSERS && isCloserCode(text.charCodeAt(k))) k -= 1;
  if (k < 0 || !isTerminalCode(text.charCodeAt(k))) return false;
  if (i >= text.length || text.charCodeAt(i) === 10) return true;
  if (!isSpaceCode(text.charCodeAt(i))) return false;
  return i + 1 >= text.length || isSpaceCode(text.charCodeAt(i + 1)) || opensSentence(text, i + 1);
}

/** The sentence around offset `at`, never starting before `floor` (where the previous one ended). */
function sentenceAround(text: string, at: number, floor: number): Span {
  let start = at;
  while (start > floor && text.charCodeAt(start - 1) !== 10 && !(isSpaceCode(text.charCodeAt(start - 1)) && endsSentenceAt(text, start - 1))) start -= 1;
  let end = at;
  while (end < text.length && text.charCodeAt(end) !== 10 && !endsSentenceAt(text, end)) end += 1;
  return { start, end };
}

const CUSTODY_ANYWHERE = wordPattern(factorAlternatives(alternativesOf(data.custody.pattern)));

/**
 * Step 1 alone: does the text word detention anywhere (a facility or custody)? False means no
 * story in it can be relevant, so work done only for relevant stories can be skipped.
 */
export function mayConcernDetention(text: string): boolean {
  return CUSTODY_ANYWHERE.test(text) || facilityWordingIn(text).length > 0;
}

/** True when `text` names an event of the domain (an escape, a raid, a transfer ...). */
export function namesDetentionEvent(text: string): boolean {
  return EVENTS.some((e) => e.pattern.test(text));
}

/** Judges one story's text. Example: "Gunmen stormed the central prison." -> relevant. */
export function judgeRelevance(text: string): Relevance {
  const words = detentionWords(text);
  if (words.length === 0) return { relevant: false, score: 0, reason: "names no detention facility, detainees or custody" };
  let sentences = 0;
  const events = new Set<string>();
  let floor = 0;
  for (let w = 0; w < words.length; ) {
    const sentence = sentenceAround(text, words[w].start, floor);
    // Every detention word of this sentence is read with it, then the next sentence starts after it.
    let certain = false;
    for (; w < words.length && words[w].start < sentence.end; w++) certain ||= words[w].certain;
    floor = sentence.end;
    if (!certain) continue;
    const body = text.slice(sentence.start, sentence.end);
    if (!ANY_EVENT.test(body)) continue;
    const found = EVENTS.filter((e) => e.pattern.test(body));
    if (found.length === 0) continue;
    sentences += 1;
    for (const e of found) events.add(e.id);
  }
  // 3. A review or a piece of fiction tells breakouts that never happened.
  const fiction = sentences > 0 && ANY_FICTION_CUE.test(text) ? FICTION_CUES.filter((c) => c.pattern.test(text)).map((c) => c.id) : [];
  if (fiction.length >= data.fiction.minDistinct) return { relevant: false, score: 0, reason: `reads as a review or fiction: ${fiction.join(", ")}` };
  const reason =
    sentences === 0
      ? "no sentence words detention together with an event"
      : `detention with an event in ${sentences} sentence${sentences === 1 ? "" : "s"}: ${[...events].join(", ")}`;
  return { relevant: sentences > 0, score: sentences, reason };
}
