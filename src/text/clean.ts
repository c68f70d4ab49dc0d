// Plain-text cleaning: page text in, the story's paragraphs out, joined by blank lines.
// 1. split into paragraph candidates (units.ts); 2. judge each alone (classify.ts);
// 3. find where a glued second story starts; 4. judge short lines by where they sit
// (before the first prose paragraph only the headline survives; between prose paragraphs
// subheadings and one-line sentences survive; after the last one only sentences that run on
// from it); 5. join what is kept, recording offsets.
import type { Span } from "../model/doc.ts";
import { splitUnits, type Unit } from "./units.ts";
import { classifyUnits, type UnitVerdict } from "./classify.ts";
import { repeatKey } from "./normalize.ts";

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

export interface DroppedLine {
  text: string;
  rule: string;
}

export interface CleanText {
  text: string;
  paragraphs: CleanParagraph[];
  stories: CleanStory[];
  /** The first story's headline, when the page shows one. */
  headline: string | null;
  dropped: DroppedLine[];
}

/** Indexes where a new story starts (always including 0). */
function storyStarts(units: Unit[], verdicts: UnitVerdict[]): number[] {
  const gaps = units.slice(1).map((u) => u.blankBefore).filter((b) => b > 0).sort((a, b) => a - b);
  const typicalGap = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
  // Pages that space every paragraph widely need a wider break than their usual gap.
  const breakGap = Math.max(STORY_BREAK_MIN_BLANK_LINES, typicalGap * 2 + 1);
  const isHeadline = (i: number) => verdicts[i]?.cls === "heading" || verdicts[i]?.repeatedHeadline;
  const lastGood = verdicts.map((v) => v.cls).lastIndexOf("good");
  const goodAfter = (i: number) => i <= lastGood;

  const starts = [0];
  let proseSinceStart = false;
  for (let i = 0; i < units.length; i++) {
    const signal =
      proseSinceStart &&
      goodAfter(i) &&
      // (a) a wide gap followed soon by a new headline
      ((units[i].blankBefore >= breakGap &&
        Array.from({ length: STORY_BREAK_HEADLINE_WINDOW }, (_, k) => i + k).some(isHeadline)) ||
        // (b) the first copy of a headline the page repeats, after prose
        verdicts[i].repeatedHeadline ||
        // (c) a headline followed by a duplicated caption block
        (verdicts[i].cls === "heading" && verdicts[i + 1]?.repeatedCaption === true));
    if (signal) {
      starts.push(i);
      proseSinceStart = false;
    }
    if (verdicts[i].cls === "good") proseSinceStart = true;
  }
  return starts;
}

/** Keep/drop for the units of one story [from, to). */
function judgeStory(verdicts: UnitVerdict[], units: Unit[], from: number, to: number, titleKey: string | null) {
  const keep: Array<{ kept: boolean; rule: string; role: "headline" | "body" }> = [];
  // The article ends at the first "related posts"/"leave a reply" style marker.
  let end = to;
  for (let i = from; i < to; i++) if (verdicts[i].endsArticle) { end = i; break; }
  let firstGood = -1;
  let lastGood = -1;
  for (let i = from; i < end; i++) {
    if (verdicts[i].cls !== "good") continue;
    if (firstGood < 0) firstGood = i;
    lastGood = i;
  }
  // Headline: the unit matching the metadata title, else the repeated headline, else the first heading.
  const head = firstGood < 0 ? [] : Array.from({ length: firstGood - from }, (_, k) => from + k);
  const headline =
    head.find((i) => titleKey !== null && repeatKey(units[i].text) === titleKey && verdicts[i].cls !== "bad") ??
    head.find((i) => verdicts[i].repeatedHeadline) ??
    head.find((i) => verdicts[i].cls === "heading");

  let tailOpen = true;
  for (let i = from; i < to; i++) {
    const v = verdicts[i];
    if (v.cls === "bad") keep.push({ kept: false, rule: v.rule, role: "body" });
    else if (i >= end) keep.push({ kept: false, rule: "context.after-article-end", role: "body" });
    else if (firstGood < 0) keep.push({ kept: false, rule: "context.no-prose", role: "body" });
    else if (i < firstGood) keep.push(i === headline ? { kept: true, rule: "headline", role: "headline" } : { kept: false, rule: "context.head", role: "body" });
    else if (i <= lastGood) keep.push({ kept: true, rule: v.rule, role: "body" });
    else {
      // After the last prose paragraph only sentences that run on from it belong to the story.
      tailOpen = tailOpen && v.endsSentence && verdicts[i - 1].cls !== "bad";
      keep.push(tailOpen ? { kept: true, rule: v.rule, role: "body" } : { kept: false, rule: "context.tail", role: "body" });
    }
  }
  return keep;
}

/**
 * Cleans scraped page text. `title` (from metadata) helps pick the headline.
 * Example: cleanText("Head\n\nCaption (AFP)\n\nThe prison was attacked on Sunday.") keeps
 * "Head\n\nThe prison was attacked on Sunday.".
 */
export function cleanText(raw: string, title: string | null = null): CleanText {
  const units = splitUnits(raw);
  const verdicts = classifyUnits(units, title);
  const starts = storyStarts(units, verdicts);
  const titleKey = title ? repeatKey(title) : null;

  const paragraphs: CleanParagraph[] = [];
  const stories: CleanStory[] = [];
  const dropped: DroppedLine[] = [];
  const pieces: string[] = [];
  let offset = 0;
  starts.forEach((from, s) => {
    const to = starts[s + 1] ?? units.length;
    const first = paragraphs.length;
    judgeStory(verdicts, units, from, to, s === 0 ? titleKey : null).forEach((j, k) => {
      const unit = units[from + k];
      if (!j.kept) {
        dropped.push({ text: unit.text, rule: j.rule });
        return;
      }
      if (pieces.length > 0) offset += PARAGRAPH_SEPARATOR.length;
      paragraphs.push({ start: offset, end: offset + unit.text.length, role: j.role });
      pieces.push(unit.text);
      offset += unit.text.length;
    });
    if (paragraphs.length > first) stories.push({ first, last: paragraphs.length - 1 });
  });
  const text = pieces.join(PARAGRAPH_SEPARATOR);
  const firstHeadline = paragraphs[0]?.role === "headline" ? text.slice(paragraphs[0].start, paragraphs[0].end) : null;
  return { text, paragraphs, stories, headline: firstHeadline, dropped };
}
