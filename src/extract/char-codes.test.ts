import { test } from "node:test";
import assert from "node:assert/strict";
import { isWhitespaceCode } from "./char-codes.ts";

test("isWhitespaceCode answers as /\\s/ does for every UTF-16 code unit", () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isWhitespaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.equal(isWhitespaceCode(NaN), false, "past the end of a string");
});
