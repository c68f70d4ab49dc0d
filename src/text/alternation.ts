// A pattern of hundreds of alternatives (every facility name) makes the regular-expression engine
// try each alternative in turn at every word of a page. Written as a trie instead, alternatives
// that start alike share their start ("pri(?:son|sons)"), and at a word that starts like none of
// them the engine gives up after the first letters: several times faster on pages that word no
// detention at all, and the same matches, since the first alternative that matches still wins.

/** Characters the factoring reads as plain literals (besides letters, digits and escapes). */
const LITERAL_PUNCTUATION = new Set([" ", "-", "'", "’", ",", "&", ":", "/", "_"]);
const QUANTIFIERS = new Set(["?", "*", "+", "{"]);

/**
 * The character as a case-insensitive pattern without the "u" flag compares it: its upper case,
 * unless that is several characters or takes a character outside ASCII into it. Two characters
 * match each other exactly when they have the same canonical form.
 */
function canonical(ch: string): string {
  const upper = ch.toUpperCase();
  if (upper.length !== 1 || (ch.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128)) return ch;
  return upper;
}

/** The alternative's first atom when it is one literal character (escaped or not) that no quantifier follows. */
function literalHead(alternative: string): { atom: string; key: string } | null {
  let atom: string;
  if (alternative[0] === "\\") {
    // "\." is a full stop; "\s", "\b", "\d" are classes or assertions.
    if (alternative.length < 2 || /[A-Za-z0-9]/.test(alternative[1])) return null;
    atom = alternative.slice(0, 2);
  } else if (alternative.length > 0 && (/[A-Za-z0-9]/.test(alternative[0]) || alternative.charCodeAt(0) >= 128 || LITERAL_PUNCTUATION.has(alternative[0]))) {
    atom = alternative[0];
  } else return null;
  if (QUANTIFIERS.has(alternative[atom.length])) return null;
  return { atom, key: canonical(atom[atom.length - 1]) };
}

/**
 * Alternatives written as a trie, for a case-insensitive pattern without the "u" flag:
 * ["prisons?", "penitentiary", "camp"] -> "p(?:risons?|enitentiary)|camp". The alternation keeps
 * its meaning: where every alternative starts with a literal character, alternatives that start
 * differently can never match at the same place, so grouping them by that character changes no
 * match; elsewhere only neighbours that start alike are grouped, in their order.
 */
export function factorAlternatives(alternatives: string[]): string {
  // Grouping reorders alternatives, and with them the numbers of their capture groups: a pattern
  // that refers back to a group by number or name is left as it is.
  if (alternatives.some((a) => /\\[1-9]|\\k</.test(a))) return alternatives.join("|");
  return factored(alternatives).join("|");
}

/** The alternatives of the trie's top level. */
function factored(alternatives: string[]): string[] {
  const heads = alternatives.map(literalHead);
  const everyHeadLiteral = heads.every((h) => h !== null);
  const out: string[] = [];
  // Groups in order of their first alternative; every group is one list of tails.
  const groups = new Map<string, { atom: string; tails: string[] }>();
  let run: { key: string; atom: string; tails: string[] } | null = null;
  const flushRun = () => {
    if (run) out.push(joined(run.atom, run.tails));
    run = null;
  };
  alternatives.forEach((alternative, k) => {
    const head = heads[k];
    if (everyHeadLiteral) {
      const group = groups.get(head!.key);
      if (group) group.tails.push(alternative.slice(head!.atom.length));
      else groups.set(head!.key, { atom: head!.atom, tails: [alternative.slice(head!.atom.length)] });
      return;
    }
    if (head && run?.key === head.key) run.tails.push(alternative.slice(head.atom.length));
    else {
      flushRun();
      if (head) run = { key: head.key, atom: head.atom, tails: [alternative.slice(head.atom.length)] };
      else out.push(alternative);
    }
  });
  flushRun();
  for (const { atom, tails } of groups.values()) out.push(joined(atom, tails));
  return out;
}

function joined(atom: string, tails: string[]): string {
  const inner = factored(tails);
  return inner.length === 1 ? atom + inner[0] : `${atom}(?:${inner.join("|")})`;
}

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
 * Every match of a global pattern in text order, as `[...text.matchAll(pattern)]` gives them,
 * without the copy of the pattern matchAll makes on every call (a cost on every page for a long
 * pattern).
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    found.push(m);
    // An empty match moves on by one, as matchAll does.
    if (m[0] === "") pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return found;
}
