import type WinkNLP from "wink-nlp";

/** wink-nlp's factory. */
export declare function loadWinkNLP(): typeof WinkNLP;
