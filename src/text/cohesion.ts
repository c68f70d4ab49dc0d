// Does the story go on after a "Related News" / "Comments" / "More from ..." line? Scrapers often
// drop a widget's links and keep its label in the middle of the story; a related story's teaser
// or a reader's comment is another text. The story goes on when the next paragraph is prose that
// names the same people and places as the story so far.
import type { Unit } from "./units.ts";
import { unitText } from "./units.ts";
import type { UnitVerdict } from "./classify.ts";

/** Distinct proper names a paragraph must share with the story before the marker to continue it. */
export const CONTINUATION_MIN_SHARED_NAMES = 2;
/** Shorter capitalised words (initials, "US") say too little about which story this is. */
const NAME_MIN_LETTERS = 3;

const SENTENCE_END = /[.!?:…]["”’')\]]*$/;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;
const TRAILING_PUNCTUATION = /(?:['’]s)?[^\p{L}\p{N}]*$/u;

/**
 * Capitalised words, lower-cased, possessives cut: "Oyo", "Anjorin", "Custodial". Words that open
 * a sentence ("The", "Police") count only with `sentenceStarts`: a story's own names are the ones
 * it capitalises mid-sentence, and a later paragraph may open a sentence with one of them.
 */
export function namesIn(paragraph: string, sentenceStarts = false): Set<string> {
  const names = new Set<string>();
  let opensSentence = true;
  for (const token of paragraph.split(" ")) {
    const word = token.replace(LEADING_PUNCTUATION, "").replace(TRAILING_PUNCTUATION, "");
    if ((sentenceStarts || !opensSentence) && word.length >= NAME_MIN_LETTERS && /^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
    opensSentence = SENTENCE_END.test(token);
  }
  return names;
}

/** Names of a story's prose paragraphs, gathered once as the cleaner walks down the page. */
export class StoryNames {
  private readonly names = new Set<string>();
  private upTo: number;
  constructor(
    private readonly raw: string,
    private readonly units: Unit[],
    private readonly verdicts: UnitVerdict[],
    firstProse: number,
  ) {
    this.upTo = firstProse;
  }

  /** Names of the prose paragraphs before unit `index`. */
  before(index: number): Set<string> {
    for (; this.upTo < index; this.upTo++) {
      if (this.verdicts[this.upTo].cls === "good") for (const name of namesIn(unitText(this.raw, this.units[this.upTo]))) this.names.add(name);
    }
    return this.names;
  }
}

/**
 * Where the story's prose goes on after the marker line at `marker`, or -1: the next paragraph
 * that is not boilerplate, when it is prose sharing names with the story's prose before the marker.
 */
export function storyResumesAt(raw: string, units: Unit[], verdicts: UnitVerdict[], story: StoryNames, marker: number, to: number): number {
  let next = marker + 1;
  while (next < to && verdicts[next].cls === "bad") next += 1;
  if (next >= to || verdicts[next].cls !== "good") return -1;
  const known = story.before(marker);
  let shared = 0;
  for (const name of namesIn(unitText(raw, units[next]), true)) if (known.has(name)) shared += 1;
  return shared >= CONTINUATION_MIN_SHARED_NAMES ? next : -1;
}
