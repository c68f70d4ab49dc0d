// The DOM libraries of html.ts (linkedom, and Readability over it), required by the first page
// that needs a DOM. CommonJS on purpose: the CLI bundle runs a module it reaches through
// `require` only when that `require` runs, so a command that reads no HTML page never runs the
// 900 KB of DOM code (some 30 ms of a one-report start), where an `import` would run it at start.
"use strict";

let libraries = null;

/** { parseHTML, Readability }, loaded on the first call. */
exports.domLibraries = function domLibraries() {
  if (libraries === null) {
    libraries = { parseHTML: require("linkedom").parseHTML, Readability: require("@mozilla/readability").Readability };
  }
  return libraries;
};
