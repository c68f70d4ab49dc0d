// wink-nlp, required by the first sentence that needs part-of-speech tags (pos-model.ts).
// CommonJS on purpose, as text/dom-libraries.cjs: the CLI bundle runs a module it reaches through
// `require` only when that `require` runs, so wink-nlp's code is bundled (one file read, not some
// thirty) and still runs only for a report that needs tags.
"use strict";

/** wink-nlp's factory. */
exports.loadWinkNLP = function loadWinkNLP() {
  return require("wink-nlp");
};
