// Stages: the date window of every mention.
//   1. Each event takes the nearest date of its sentence; a dateline's date ("NIAMEY, July 12 -")
//      says when the report was filed, not when anything happened.
//   2. A sentence's date is the date of every event in it that names none of its own, except
//      references to an earlier event ("after the attack", "the escaped inmates"), which take
//      only what their own words say ("a year after the attack").
//   3. (story) Undated mentions take the window of the last dated mention at the same facility
//      (an alert: of the story's last dated event), up to publication, else the few days before
//      publication.
import type { Annotation, DateWindow, Day, Span } from "../../model/doc.ts";
import type { DateValue } from "../dates/index.ts";
import { distanceTo, nearestMention, type SentenceView, type Story, type Working } from "./context.ts";
import { shiftDay } from "./days.ts";
import { referenceWindow } from "./references.ts";

/** An undated mention with no earlier dated one is placed in the days before publication. */
export const UNDATED_LOOKBACK_DAYS = 2;

export function linkDates(s: SentenceView): void {
  const text = s.story.text;
  const { references } = s.story;
  const datedBy = new Map<Working, Annotation<DateValue>>();
  for (const m of s.created.filter((c) => references.has(c))) {
    const own = referenceWindow(text, m.trigger, s.story.doc.published);
    if (own) m.date = own;
  }
  for (const d of s.dates) {
    if (isDatelineDate(text, d) || !d.value.earliest) continue;
    const m = nearestMention(s.created.filter((c) => !references.has(c)), d);
    const current = m ? datedBy.get(m) : undefined;
    if (m && !m.date && (!current || distanceTo(m.trigger, d) < distanceTo(m.trigger, current))) datedBy.set(m, d);
  }
  for (const [m, d] of datedBy) {
    m.date = { earliest: d.value.earliest, latest: d.value.latest };
    m.evidence.push({ start: d.start, end: d.end, kind: "date", rule: d.rule });
  }
}

export function shareSentenceDate(s: SentenceView): void {
  const { references } = s.story;
  const sentenceDate = s.created.find((m) => m.date && !references.has(m))?.date ?? null;
  if (sentenceDate) for (const m of s.created) if (!references.has(m)) m.date ??= sentenceDate;
}

/** Undated mentions: the window of the last dated mention before them, up to publication. */
export function fillUndatedWindows(story: Story): void {
  const published = story.doc.published;
  // Anchors are per facility (or place): a roundup's second story does not inherit the first's day.
  const anchors = new Map<string, DateWindow>();
  const keyOf = (m: Working) => m.facility?.id ?? m.place?.id ?? m.place?.name ?? "";
  // An alert answers the story's latest event, wherever the forces went.
  let latest: DateWindow | undefined;
  for (const m of story.mentions.filter((x) => !story.references.has(x) || x.date)) {
    if (m.date) {
      anchors.set(keyOf(m), m.date);
      latest = m.date;
      continue;
    }
    if (!published) continue;
    const anchor = m.type === "alert" ? latest : anchors.get(keyOf(m));
    const earliest: Day = anchor && anchor.earliest <= published ? anchor.earliest : shiftDay(published, -UNDATED_LOOKBACK_DAYS);
    m.date = { earliest, latest: published };
  }
}

/** A date in a paragraph's opening dateline: "NIAMEY, July 12 (Sahel Wire) -", "BAMAKO, Aug 19 -". */
function isDatelineDate(text: string, d: Span): boolean {
  const lineStart = text.lastIndexOf("\n", d.start) + 1;
  if (d.start - lineStart > 40) return false;
  return /^[A-Z][A-Za-z .'-]{1,40},\s*$/.test(text.slice(lineStart, d.start)) && /^\s*(?:\(|[-–—])/.test(text.slice(d.end, d.end + 4));
}
