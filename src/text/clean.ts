// Plain-text cleaning: page text in, the story's paragraphs out, joined by blank lines.
// 1. split into paragraph candidates (units.ts); 2. judge each alone (classify.ts);
// 3. find where a glued second story starts; 4. judge short lines by where they sit
// (before the first prose paragraph only the headline and lines that read as prose survive;
// between prose paragraphs subheadings and one-line sentences survive; after the last one only
// sentences that run on from it, and a last paragraph the scraper cut off); 5. a page whose rules
// would leave nothing keeps its longest run of sentences; 6. join what is kept, recording offsets.
import type { Span } from "../model/doc.ts";
import { splitUnits, unitText, type Unit } from "./units.ts";
import { classifyUnits, GOOD_MIN_STOP_DENSITY, SENTENCE_MIN_STOP_DENSITY, SENTENCE_MIN_WORDS, type UnitVerdict } from "./classify.ts";
import { densityOf, isTitleCase } from "./features.ts";
import { storyResumesAt, StoryNames } from "./cohesion.ts";

/** Blank lines that, followed by a new headline, separate two stories glued into one page. */
export const STORY_BREAK_MIN_BLANK_LINES = 3;
/** A new headline must come within this many units after such a break. */
export const STORY_BREAK_HEADLINE_WINDOW = 2;
export const PARAGRAPH_SEPARATOR = "\n\n";

export interface CleanParagraph extends Span {
  role: "headline" | "body";
}

/** One story found on the page: its kept paragraphs, as indexes into `paragraphs`. */
export interface CleanStory {
  first: number;
  last: number;
}

/** A paragraph the cleaner dropped: offsets into the page text it was given, and the rule. */
export interface DroppedUnit extends Span {
  rule: string;
}

export interface CleanText {
  text: string;
  paragraphs: CleanParagraph[];
  stories: CleanStory[];
  /** The first story's headline, when the page shows one. */
  headline: string | null;
  dropped: DroppedUnit[];
}

interface Judgement {
  kept: boolean;
  rule: string;
  role: "headline" | "body";
}

const isHeadline = (v: UnitVerdict | undefined) => v !== undefined && ((v.cls === "heading" && !v.prose) || v.repeatedHeadline);

/** Indexes where a new story starts (always including 0). */
function storyStarts(units: Unit[], verdicts: UnitVerdict[]): number[] {
  const gaps = units.slice(1).map((u) => u.blankBefore).filter((b) => b > 0).sort((a, b) => a - b);
  const typicalGap = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
  // Pages that space every paragraph widely need a wider break than their usual gap.
  const breakGap = Math.max(STORY_BREAK_MIN_BLANK_LINES, typicalGap * 2 + 1);
  let lastGood = -1;
  verdicts.forEach((v, i) => v.cls === "good" && (lastGood = i));

  const starts = [0];
  let proseSinceStart = false;
  for (let i = 0; i < units.length; i++) {
    let headlineSoon = false;
    for (let k = 0; k < STORY_BREAK_HEADLINE_WINDOW; k++) headlineSoon ||= isHeadline(verdicts[i + k]);
    const signal =
      proseSinceStart &&
      i <= lastGood &&
      // (a) a wide gap followed soon by a new headline
      ((units[i].blankBefore >= breakGap && headlineSoon) ||
        // (b) the first copy of a headline the page repeats, after prose
        verdicts[i].repeatedHeadline ||
        // (c) a headline followed by a duplicated caption block
        (isHeadline(verdicts[i]) && verdicts[i + 1]?.repeatedCaption === true));
    if (signal) {
      starts.push(i);
      proseSinceStart = false;
    }
    if (verdicts[i].cls === "good") proseSinceStart = true;
  }
  return starts;
}

/** The line closes with a full stop (or an ellipsis), quotes aside. */
function closesWithFullStop(v: UnitVerdict): boolean {
  return v.endsSentence && v.text !== null && /[.…]["”’')\]]*$/.test(v.text);
}

/** A last paragraph without its full stop that still reads as prose: the scraper cut the page there. */
function isCutProse(v: UnitVerdict): boolean {
  const f = v.features;
  const density = densityOf(f);
  return f.words >= SENTENCE_MIN_WORDS && density >= SENTENCE_MIN_STOP_DENSITY && !(isTitleCase(f) && density < GOOD_MIN_STOP_DENSITY);
}

// Judgements and the headline search are functions of the module, not closures made for every
// story: under tsx (the benchmark, the tests) esbuild names each closure with a defineProperty call.
const kept = (rule: string, role: Judgement["role"] = "body"): Judgement => ({ kept: true, rule, role });
const dropped = (rule: string): Judgement => ({ kept: false, rule, role: "body" });

/** Index of the first unit of `head` that is not boilerplate and passes `test`, or -1. */
function firstUnit(head: UnitVerdict[], test: (v: UnitVerdict) => boolean): number {
  return head.findIndex((v) => v.cls !== "bad" && test(v));
}

/** Keep/drop for the units of one story [from, to). */
function judgeStory(raw: string, units: Unit[], verdicts: UnitVerdict[], from: number, to: number, useTitle: boolean): Judgement[] {
  let firstGood = -1;
  for (let i = from; i < to && firstGood < 0; i++) if (verdicts[i].cls === "good") firstGood = i;
  // The article ends at the first "related posts" / "comments" marker after its prose began,
  // unless the story's own prose goes on right after the marker.
  let end = to;
  const names = new StoryNames(raw, units, verdicts, firstGood);
  for (let i = firstGood + 1; firstGood >= 0 && i < to; i++) {
    if (!verdicts[i].endsArticle) continue;
    const resumesAt = storyResumesAt(raw, units, verdicts, names, i, to);
    if (resumesAt < 0) {
      end = i;
      break;
    }
    i = resumesAt; // the lines before it are boilerplate, judged already
  }
  let lastGood = -1;
  for (let i = end - 1; i >= from && lastGood < 0; i--) if (verdicts[i].cls === "good") lastGood = i;

  // Headline: the unit matching the metadata title, else the repeated headline, else the first heading.
  let headline = -1;
  if (firstGood >= 0) {
    const head = verdicts.slice(from, firstGood);
    const found = [firstUnit(head, (v) => useTitle && v.isTitle), firstUnit(head, (v) => v.repeatedHeadline), firstUnit(head, (v) => v.cls === "heading" && !v.prose)].find((k) => k >= 0);
    headline = found === undefined ? -1 : from + found;
  }

  const judged: Judgement[] = [];
  let tailOpen = true;
  for (let i = from; i < to; i++) {
    const v = verdicts[i];
    if (v.cls === "bad") judged.push(dropped(v.rule));
    else if (i >= end) judged.push(dropped("context.after-article-end"));
    else if (firstGood < 0) judged.push(dropped("context.no-prose"));
    else if (i === headline) judged.push(kept("headline", "headline"));
    // Before the prose: a standfirst, summary bullets or a short opening statement belong to the
    // story; questions and exclamations there are prompts ("Want to discuss?").
    else if (i < firstGood) judged.push(v.prose || (v.features.words >= 2 && closesWithFullStop(v)) ? kept("context.head-prose") : dropped("context.head"));
    else if (i <= lastGood) judged.push(kept(v.rule));
    else {
      // After the last prose paragraph only sentences that run on from it belong to the story,
      // and a last paragraph that the scraper cut off mid-sentence.
      const runsOn = v.endsSentence || (i === end - 1 && isCutProse(v));
      const before = verdicts[i - 1];
      tailOpen = tailOpen && runsOn && (before.cls !== "bad" || before.insideStory);
      judged.push(tailOpen ? kept(v.rule) : dropped("context.tail"));
    }
  }
  return judged;
}

/**
 * When the rules keep nothing of a page that has text, its longest run of sentence-like lines
 * (a one-line flash, a story under chrome the rules mistook) is the story: only pages with no
 * prose at all are empty.
 */
function longestRun(verdicts: UnitVerdict[]): { from: number; to: number } | null {
  let best: { from: number; to: number; words: number } | null = null;
  let from = 0;
  let words = 0;
  verdicts.forEach((v, i) => {
    const sentenceLike = (v.cls !== "bad" || v.rule === "caption.credit") && v.features.words >= SENTENCE_MIN_WORDS;
    if (!sentenceLike) {
      from = i + 1;
      words = 0;
      return;
    }
    words += v.features.words;
    if (!best || words > best.words) best = { from, to: i + 1, words };
  });
  return best;
}

/**
 * Cleans scraped page text. `title` (from metadata) helps pick the headline.
 * Example: cleanText("Head\n\nCaption (AFP)\n\nThe prison was attacked on Sunday.") keeps
 * "Head\n\nThe prison was attacked on Sunday.".
 */
export function cleanText(raw: string, title: string | null = null): CleanText {
  const units = splitUnits(raw);
  const verdicts = classifyUnits(raw, units, title);
  const starts = storyStarts(units, verdicts);
  const judged = starts.flatMap((from, s) => judgeStory(raw, units, verdicts, from, starts[s + 1] ?? units.length, s === 0));
  if (!judged.some((j) => j.kept)) {
    const run = longestRun(verdicts);
    if (run) for (let i = run.from; i < run.to; i++) judged[i] = { kept: true, rule: "fallback.longest-run", role: "body" };
  }

  const paragraphs: CleanParagraph[] = [];
  const stories: CleanStory[] = [];
  const dropped: DroppedUnit[] = [];
  const pieces: string[] = [];
  let offset = 0;
  starts.forEach((from, s) => {
    const first = paragraphs.length;
    for (let i = from; i < (starts[s + 1] ?? units.length); i++) {
      const unit = units[i];
      if (!judged[i].kept) {
        dropped.push({ start: unit.start, end: unit.end, rule: judged[i].rule });
        continue;
      }
      const text = verdicts[i].text ?? unitText(raw, unit, verdicts[i].features.spaced);
      if (pieces.length > 0) offset += PARAGRAPH_SEPARATOR.length;
      paragraphs.push({ start: offset, end: offset + text.length, role: judged[i].role });
      pieces.push(text);
      offset += text.length;
    }
    if (paragraphs.length > first) stories.push({ first, last: paragraphs.length - 1 });
  });
  const text = pieces.join(PARAGRAPH_SEPARATOR);
  const firstHeadline = paragraphs[0]?.role === "headline" ? text.slice(paragraphs[0].start, paragraphs[0].end) : null;
  return { text, paragraphs, stories, headline: firstHeadline, dropped };
}
