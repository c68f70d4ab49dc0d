// Clauses of a sentence, for linking: an entity belongs first to the events of its own clause.
// "Riots have broken out in a Hama jail after the transfer of five men to a detention centre in
// Damascus": the jail is where the riot happened, the centre where the transfer went.
import type { Span } from "../../model/doc.ts";

/** What ends a clause: punctuation (not the comma grouping thousands in "1,844"), or a conjunction that opens a new one. */
const CLAUSE_BOUNDARY = /[;:–—]|(?<!\d),|,(?!\d{3}(?!\d))|\s(?:after|before|when|whereas|while|since|following|until|because|although|though|but)\s/gi;

/** Clause boundaries of a sentence, as absolute offsets, in order. */
export function clauseBoundaries(text: string, sentence: Span): number[] {
  const body = text.slice(sentence.start, sentence.end);
  return [...body.matchAll(CLAUSE_BOUNDARY)].map((m) => sentence.start + m.index!);
}

/** The index of the clause `pos` lies in. */
export function clauseAt(boundaries: number[], pos: number): number {
  let i = 0;
  while (i < boundaries.length && boundaries[i] < pos) i++;
  return i;
}
