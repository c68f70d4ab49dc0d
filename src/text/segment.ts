// Segments: one per story the cleaner found on the page, each judged for relevance.
import type { Segment } from "../model/doc.ts";
import type { CleanText } from "./clean.ts";
import { judgeRelevance } from "./relevance.ts";

/** Spans of each story in the cleaned text, marked relevant or not to detention-facility security. */
export function segmentsOf(clean: CleanText): Segment[] {
  return clean.stories.map((story) => {
    const start = clean.paragraphs[story.first].start;
    const end = clean.paragraphs[story.last].end;
    const { relevant, reason } = judgeRelevance(clean.text.slice(start, end));
    return { start, end, relevant, reason };
  });
}
