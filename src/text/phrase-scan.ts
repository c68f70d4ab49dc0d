// A pattern of many alternatives between word boundaries (every facility name, every custody
// word) is tried at each word of a page, alternative after alternative, and nearly every word of
// a page starts with letters none of them starts with. The scan walks each word's first letters
// down a trie of the alternatives' fixed starts ("prison", "centre ", "al ") and runs, anchored,
// only the few alternatives whose start the word has: the same matches as the whole pattern run
// with "gi", for a fraction of its cost on the pages that word no detention at all (most of them).

/** Characters of an alternative's fixed start that go into the trie. */
const PREFIX_LENGTH = 8;
/**
 * Characters as trie symbols: ASCII word characters (\w without the "u" flag) as 1..37, lower
 * and upper case alike (a pattern with the "i" flag and without "u" matches an ASCII letter with
 * an ASCII letter only); every other code unit is 0, a separator.
 */
const WORD_INDEX = new Uint8Array(128);
const SYMBOLS = 38;
const SEPARATOR = 0;
for (let c = 0; c < 128; c++) {
  if (c >= 48 && c <= 57) WORD_INDEX[c] = c - 47;
  else if (c >= 65 && c <= 90) WORD_INDEX[c] = c - 54;
  else if (c >= 97 && c <= 122) WORD_INDEX[c] = c - 86;
  else if (c === 95) WORD_INDEX[c] = 37;
}
const symbolOf = (c: number) => (c < 128 ? WORD_INDEX[c] : SEPARATOR);

const QUANTIFIERS = new Set(["?", "*", "+", "{"]);
/** The loose spacing of names ("al[-\\s]+Hol"): it matches separators only. */
const SPACING_CLASS = "[-\\s]";

/**
 * Splits a pattern source at its top-level "|": "inmates?|incarcerat(ed|ion)" -> ["inmates?",
 * "incarcerat(ed|ion)"]. Groups, classes and escapes are kept whole.
 */
export function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i += 1;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth += 1;
    else if (ch === ")") depth -= 1;
    else if (ch === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * The symbols every match of `alternative` starts with: a literal character stands for itself
 * unless a quantifier follows it, the spacing class for a separator; anything else ends the start.
 */
function fixedStart(alternative: string): number[] {
  const symbols: number[] = [];
  for (let i = 0; i < alternative.length && symbols.length < PREFIX_LENGTH; ) {
    let symbol: number;
    let width = 1;
    const ch = alternative[i];
    if (ch === "\\") {
      // "\." is a full stop; "\s", "\b", "\d" are classes or assertions.
      if (i + 1 >= alternative.length || /[A-Za-z0-9]/.test(alternative[i + 1])) break;
      symbol = symbolOf(alternative.charCodeAt(i + 1));
      width = 2;
    } else if (alternative.startsWith(SPACING_CLASS, i)) {
      symbol = SEPARATOR;
      width = SPACING_CLASS.length;
    } else if (/[()[\]{}|^$.*+?]/.test(ch)) break;
    else symbol = symbolOf(alternative.charCodeAt(i));
    const next = alternative[i + width];
    if (next === "+") {
      // One or more: the first is certain, what follows it is not.
      symbols.push(symbol);
      break;
    }
    if (QUANTIFIERS.has(next)) break;
    symbols.push(symbol);
    i += width;
  }
  return symbols;
}

/**
 * The character as a case-insensitive pattern without the "u" flag compares it: its upper case,
 * unless that is several characters or takes a character outside ASCII into it.
 */
function canonical(c: number): number {
  const upper = String.fromCharCode(c).toUpperCase();
  if (upper.length !== 1 || (c >= 128 && upper.charCodeAt(0) < 128)) return c;
  return upper.charCodeAt(0);
}

/** The first character of an alternative that starts with a literal one (escaped or not). */
const firstCharOf = (alternative: string) => alternative.charCodeAt(alternative[0] === "\\" ? 1 : 0);

/**
 * `\b(?:alternative|...)\b` matched case-insensitively, trying only the alternatives whose fixed
 * start the text has where a word starts. Matches are those of the whole pattern with the "gi"
 * flags (its groups aside: a match reports only its text and index).
 * Example: new PhraseScan(["prisons?", "jail"]).matchAll("Two prisons and a jail.") finds
 * "prisons" at 4 and "jail" at 18.
 */
export class PhraseScan {
  private readonly alternatives: string[];
  /** The whole pattern, for alternatives whose start could not be read: then it runs everywhere. */
  private readonly whole: RegExp | null;
  /** Trie of the fixed starts that begin with a word character: child of node n by symbol s at n * SYMBOLS + s (0: none). */
  private readonly children: Int32Array;
  /** Per node: the anchored pattern (flag "y") of the alternatives whose fixed start ends there or above, or null. */
  private readonly patterns: Array<RegExp | null>;
  /** Alternatives that start with a separator, which needs a word character before it. */
  private readonly separatorPattern: RegExp | null;
  private readonly separatorFirsts = new Set<number>();
  /** Answers for ASCII characters (1: may start), and those met so far beyond ASCII. */
  private readonly separatorFirstAscii = new Uint8Array(128);
  private readonly separatorFirstMemo = new Map<number, boolean>();

  constructor(alternatives: string[]) {
    this.alternatives = alternatives;
    const starts = alternatives.map(fixedStart);
    this.whole = starts.some((s) => s.length === 0) ? new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "gi") : null;
    // 1. The trie, and which alternatives end at each node.
    const children: number[] = new Array(SYMBOLS).fill(0);
    const ending: number[][] = [[]];
    const separatorStart: number[] = [];
    starts.forEach((start, k) => {
      if (start.length === 0) return;
      if (start[0] === SEPARATOR) {
        separatorStart.push(k);
        this.separatorFirsts.add(canonical(firstCharOf(alternatives[k])));
        return;
      }
      let node = 0;
      for (const symbol of start) {
        if (children[node * SYMBOLS + symbol] === 0) {
          children[node * SYMBOLS + symbol] = ending.length;
          ending.push([]);
          children.push(...new Array(SYMBOLS).fill(0));
        }
        node = children[node * SYMBOLS + symbol];
      }
      ending[node].push(k);
    });
    this.children = Int32Array.from(children);
    // 2. Each node's pattern: its alternatives and those of the nodes above it, in pattern order.
    this.patterns = new Array(ending.length).fill(null);
    const bySource = new Map<string, RegExp>();
    const patternOf = (list: number[]): RegExp | null => {
      if (list.length === 0) return null;
      const source = `\\b(?:${[...list].sort((a, b) => a - b).map((k) => alternatives[k]).join("|")})\\b`;
      if (!bySource.has(source)) bySource.set(source, new RegExp(source, "iy"));
      return bySource.get(source)!;
    };
    const visit = (node: number, above: number[]) => {
      const here = [...above, ...ending[node]];
      this.patterns[node] = ending[node].length ? patternOf(here) : null;
      for (let symbol = 0; symbol < SYMBOLS; symbol++) {
        const child = this.children[node * SYMBOLS + symbol];
        if (child !== 0) visit(child, here);
      }
    };
    visit(0, []);
    this.separatorPattern = patternOf(separatorStart);
    for (let c = 0; c < 128; c++) this.separatorFirstAscii[c] = this.separatorFirsts.has(canonical(c)) ? 1 : 0;
  }

  /** Every match in text order, as `text.matchAll(/\b(?:...)\b/gi)` gives them. */
  matchAll(text: string): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    this.scan(text, (m) => {
      found.push(m);
      return true;
    });
    return found;
  }

  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean {
    let any = false;
    this.scan(text, () => {
      any = true;
      return false;
    });
    return any;
  }

  /** Some alternative that starts with a separator may start with the character `c`. */
  private separatorMayStartWith(c: number): boolean {
    if (c < 128) return this.separatorFirstAscii[c] === 1;
    let may = this.separatorFirstMemo.get(c);
    if (may === undefined) this.separatorFirstMemo.set(c, (may = this.separatorFirsts.has(canonical(c))));
    return may;
  }

  /** The pattern to run where a word starts at `p`: the deepest trie node the text reaches that ends a start. */
  private patternAt(text: string, p: number): RegExp | null {
    const { children, patterns } = this;
    let pattern: RegExp | null = null;
    let node = 0;
    const end = Math.min(text.length, p + PREFIX_LENGTH);
    for (let i = p; i < end; i++) {
      node = children[node * SYMBOLS + symbolOf(text.charCodeAt(i))];
      if (node === 0) break;
      if (patterns[node] !== null) pattern = patterns[node];
    }
    return pattern;
  }

  /** Calls `onMatch` for each match in order until it answers false. */
  private scan(text: string, onMatch: (m: RegExpExecArray) => boolean): void {
    if (this.whole) {
      for (const m of text.matchAll(this.whole)) if (!onMatch(m as RegExpExecArray)) return;
      return;
    }
    const { children, separatorPattern } = this;
    const length = text.length;
    let previousIsWord = false;
    for (let p = 0; p < length; p++) {
      const first = symbolOf(text.charCodeAt(p));
      let pattern: RegExp | null = null;
      if (first !== SEPARATOR) {
        // \b before a word character: a word starts here (most words leave the trie at once).
        if (!previousIsWord && children[first] !== 0) pattern = this.patternAt(text, p);
      } else if (previousIsWord && separatorPattern !== null && this.separatorMayStartWith(text.charCodeAt(p))) {
        pattern = separatorPattern; // \b before a character that is not a word character
      }
      previousIsWord = first !== SEPARATOR;
      if (pattern === null) continue;
      pattern.lastIndex = p;
      const m = pattern.exec(text);
      if (m === null) continue;
      if (!onMatch(m)) return;
      // The next match starts after this one, as with the "g" flag (a fixed start is never empty).
      p += m[0].length - 1;
      previousIsWord = symbolOf(text.charCodeAt(p)) !== SEPARATOR;
    }
  }
}
