// Where a sentence with no attribution of its own takes its source from: the quotation it sits
// in, the hard-wrapped line it continues, or an attributed sentence just before it in its
// paragraph, or the speaker who introduced the quotation it opens. Each rule is one function over
// the sentences and their own attributions.
import type { Span } from "../model/doc.ts";
import type { Attribution } from "./attribution.ts";

/** An unattributed sentence takes the source of an attributed one at most this many sentences before it in its paragraph. */
const PARAGRAPH_REACH_SENTENCES = 2;
/** An unattributed sentence takes the source named in the next sentence of its paragraph, at most this many sentences ahead. */
const NEXT_SENTENCE_REACH = 1;
/** The headline and lead of a story: its first this many sentences. */
const LEAD_SENTENCES = 4;
/** A lead sentence takes the first source named at most this many sentences after it. */
const LEAD_REACH_SENTENCES = 3;
/** A quotation is followed this many sentences ahead to the sentence that closes and attributes it. */
const QUOTE_REACH_SENTENCES = 4;
/** A quotation with no attribution of its own speaks for a source named at most this many sentences before it. */
const QUOTE_INTRO_REACH_SENTENCES = 2;

/** The source a sentence continues from its neighbours, or null. */
export function continuedSource(text: string, sentences: Span[], own: Attribution[][], opensInQuote: boolean[], index: number): Attribution | null {
  return (
    quoteContinuation(text, sentences, own, opensInQuote, index) ??
    wrappedLineContinuation(text, sentences, own, index) ??
    introducedQuote(text, sentences, own, index) ??
    paragraphContinuation(text, sentences, own, index) ??
    sourcedNextInParagraph(text, sentences, own, index) ??
    leadSource(own, index) ??
    previousParagraph(text, sentences, own, index)
  );
}

// 1. A sentence inside a quotation takes the source of the sentence that closes the quote.
function quoteContinuation(text: string, sentences: Span[], own: Attribution[][], opensInQuote: boolean[], index: number): Attribution | null {
  let open = 0;
  let closed = false;
  for (let i = index; i < sentences.length && i < index + QUOTE_REACH_SENTENCES; i++) {
    const s = sentences[i];
    const body = text.slice(s.start, s.end);
    // A quotation closed in an earlier sentence ("“…,” he said.") is not spoken by a later one.
    if (closed) return null;
    open += (body.match(/[“]/g)?.length ?? 0) - (body.match(/[”]/g)?.length ?? 0);
    closed = i > index || /^[“"]/.test(body) ? closesQuote(body, open) : false;
    if (i === index && !/^[“"]/.test(body) && open <= 0 && !opensInQuote[index]) return null;
    if (i > index && own[i]?.length) return own[i][0];
    if (i > index && /[”"]/.test(body) === false && /\n/.test(text.slice(sentences[i - 1].end, s.start))) return null;
  }
  return null;
}

// 2. Hard-wrapped wire copy: a "sentence" with no closing punctuation goes on in the next line,
//    whose attribution is its own ("… 76, including 40 Brazilians and 36\nParaguayans, officials said.").
function wrappedLineContinuation(text: string, sentences: Span[], own: Attribution[][], index: number): Attribution | null {
  const here = sentences[index];
  const next = sentences[index + 1];
  if (!next || /[.!?…"”’]\s*$/.test(text.slice(here.start, here.end))) return null;
  // Cleaning may have turned the wrap into a paragraph break: any run of line breaks.
  if (!/^\s*\n\s*$/.test(text.slice(here.end, next.start))) return null;
  const following = own[index + 1];
  return following?.length ? { ...following[0], rule: "attribution.wrapped-line" } : null;
}

// 3. A quotation opening its own paragraph after “X said:” or after a paragraph attributed to X
//    is X speaking: "According to the service:\n“Ten inmates have been recaptured.”"
function introducedQuote(text: string, sentences: Span[], own: Attribution[][], index: number): Attribution | null {
  if (index === 0 || !/^[“"]/.test(text.slice(sentences[index].start, sentences[index].end))) return null;
  for (let i = index - 1; i >= 0 && i >= index - QUOTE_INTRO_REACH_SENTENCES; i--) {
    const before = own[i];
    if (before?.length) return { ...before[before.length - 1], rule: "attribution.introduced-quote" };
  }
  return null;
}

// 4. "According to CENTCOM, five escaped. Two have since been recaptured.": a report goes on in
//    its paragraph after the sentence that attributes it.
function paragraphContinuation(text: string, sentences: Span[], own: Attribution[][], index: number): Attribution | null {
  for (let i = index - 1; i >= 0 && i >= index - PARAGRAPH_REACH_SENTENCES; i--) {
    if (text.slice(sentences[i].end, sentences[i + 1].start).includes("\n")) return null;
    const before = own[i];
    if (before?.length) return { ...before[before.length - 1], rule: "attribution.paragraph" };
  }
  return null;
}

// 5. "Eighteen inmates escaped on Friday. “Most are dangerous,” the police chief said.": a
//    paragraph that opens with a figure and names its source in the next sentence speaks for it.
function sourcedNextInParagraph(text: string, sentences: Span[], own: Attribution[][], index: number): Attribution | null {
  for (let i = index + 1; i < sentences.length && i <= index + NEXT_SENTENCE_REACH; i++) {
    if (text.slice(sentences[i - 1].end, sentences[i].start).includes("\n")) return null;
    const after = own[i];
    if (after?.length) return { ...after[0], rule: "attribution.paragraph-next" };
  }
  return null;
}

// 6. A story's headline and unattributed lead are told from its first source: "Manhunt for 200
//    escaped inmates\n\nTroops are hunting 200 inmates …\n\nThe army spokesman, X, said …".
function leadSource(own: Attribution[][], index: number): Attribution | null {
  if (index >= LEAD_SENTENCES) return null;
  for (let i = index + 1; i < own.length && i <= index + LEAD_REACH_SENTENCES; i++) {
    if (own[i]?.length) return { ...own[i][0], rule: "attribution.lead" };
  }
  return null;
}

// 7. "Police spokesman Ali Musa said gunmen attacked the prison at midnight.\n\nEighteen inmates
//    escaped.": a paragraph opening with a figure goes on with the speaker the paragraph before ended on.
function previousParagraph(text: string, sentences: Span[], own: Attribution[][], index: number): Attribution | null {
  if (index === 0 || !text.slice(sentences[index - 1].end, sentences[index].start).includes("\n")) return null;
  const before = own[index - 1];
  return before?.length ? { ...before[before.length - 1], rule: "attribution.previous-paragraph" } : null;
}

/** Whether a sentence of a quotation ends it: curly quotes all closed, or straight quotes paired after opening it. */
function closesQuote(body: string, open: number): boolean {
  if (/[“”]/.test(body)) return open <= 0 && /”/.test(body);
  return ((body.match(/"/g)?.length ?? 0) % 2 === 0) && /"/.test(body.slice(1));
}

/** One pass over the text: whether each sentence starts inside an open “…” quotation of its paragraph. */
export function quoteStates(text: string, sentences: Span[]): boolean[] {
  const states: boolean[] = [];
  let depth = 0;
  let at = 0;
  for (const s of sentences) {
    for (; at < s.start; at++) {
      const ch = text[at];
      if (ch === "\n") depth = 0;
      else if (ch === "“") depth++;
      else if (ch === "”") depth = Math.max(0, depth - 1);
    }
    states.push(depth > 0);
  }
  return states;
}
