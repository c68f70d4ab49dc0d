// Several patterns read over the same sentence: the trigger lists, the count cues, the relative
// date phrases. Most sentences hold none of them, and those that do hold one or two: a scan of
// the sentence per pattern costs a full read of the sentence each time. Instead one scan with
// their union finds every place any of them can start, and each pattern is then tried only there,
// anchored. The matches are exactly those of a global scan with each pattern.

/** A pattern's flags for use at one position: sticky instead of global. */
function anchoredFlags(flags: string): string {
  return flags.replace(/[gy]/g, "") + "y";
}

export class PatternFamily {
  /** Matches at every position where some member matches (a superset is harmless, only slower). */
  readonly #union: RegExp;
  readonly #members: RegExp[];

  /**
   * `union` must match wherever one of `members` matches, e.g. the alternation of their sources.
   * Example: new PatternFamily(/\b(?:last|this) (?:week|month)\b/i, [/\blast week\b/gi, /\bthis month\b/gi]).
   */
  constructor(union: RegExp, members: readonly RegExp[]) {
    this.#union = new RegExp(union.source, union.flags.replace(/[gy]/g, "") + "g");
    this.#members = members.map((m) => new RegExp(m.source, anchoredFlags(m.flags)));
  }

  /**
   * The matches of each member in `scope`, in text order, as a global scan with it gives them
   * (`[...scope.matchAll(member)]`, empty matches left out), or null when no member matches at all.
   */
  matches(scope: string): RegExpExecArray[][] | null {
    const starts: number[] = [];
    const union = this.#union;
    union.lastIndex = 0;
    // Every start, overlapping ones too: one member's match may start inside another's.
    for (let m = union.exec(scope); m; m = union.exec(scope)) {
      starts.push(m.index);
      union.lastIndex = m.index + 1;
    }
    union.lastIndex = 0;
    if (starts.length === 0) return null;
    let any = false;
    const found = this.#members.map((pattern) => {
      const own: RegExpExecArray[] = [];
      // As a global scan goes on: from the end of its last match (one past an empty one).
      let next = 0;
      for (const at of starts) {
        if (at < next) continue;
        pattern.lastIndex = at;
        const m = pattern.exec(scope);
        if (!m) continue;
        next = at + Math.max(1, m[0].length);
        if (m[0].length > 0) own.push(m);
      }
      pattern.lastIndex = 0;
      any ||= own.length > 0;
      return own;
    });
    return any ? found : null;
  }
}
