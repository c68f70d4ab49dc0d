// The actors of one document in text order, with the range look-ups attribution makes for every
// verb and every "according to". Scanning the whole actor list for each of them cost the product
// of the two on a long page; here each look-up is a binary search plus the few actors in range.
import type { Annotation } from "../model/doc.ts";
import type { ActorValue } from "./attribution.ts";

type Actor = Annotation<ActorValue>;

export class ActorIndex {
  /** Every actor's name. */
  readonly names: ReadonlySet<string>;
  private readonly byStart: Actor[];
  /** Actors per lower-cased word of their name ("ministry" -> the ministries named), in text order. */
  private readonly byWord = new Map<string, Actor[]>();

  constructor(actors: readonly Actor[]) {
    this.byStart = [...actors].sort((a, b) => a.start - b.start);
    this.names = new Set(actors.map((a) => a.value.name));
    for (const actor of this.byStart) {
      for (const word of new Set(actor.value.name.toLowerCase().split(/\s+/))) {
        const list = this.byWord.get(word);
        if (list) list.push(actor);
        else this.byWord.set(word, [actor]);
      }
    }
  }

  /** Actors whose start lies in [from, to), in text order. */
  startingIn(from: number, to: number): Actor[] {
    return this.byStart.slice(lowerBound(this.byStart, from), lowerBound(this.byStart, to));
  }

  /** The last actor ending at or before `pos` whose name has the word `word` (lower-case). */
  lastWithWordBefore(word: string, pos: number): Actor | undefined {
    const list = this.byWord.get(word) ?? [];
    for (let i = lowerBound(list, pos) - 1; i >= 0; i--) if (list[i].end <= pos) return list[i];
    return undefined;
  }
}

/** Index of the first actor starting at or after `offset`. */
function lowerBound(actors: Actor[], offset: number): number {
  let [low, high] = [0, actors.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (actors[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
