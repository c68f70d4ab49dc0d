// Character classes by char code for the scanners that walk sentences a character at a time
// (sentence boundaries, cue windows): a regex test per character, or the one-character string it
// needs, cost more than the rest of those loops.

/** Exactly the characters /\s/ matches (JavaScript whitespace and line terminators), by char code. */
export function isWhitespaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
