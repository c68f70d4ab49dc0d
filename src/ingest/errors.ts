// Why an input was rejected: stable codes a user can search for, each with what to do about it.

export const REJECTION_CODES = {
  E_UNREADABLE: "cannot read the file; check that it exists and that you have permission to read it",
  E_UNSUPPORTED: "unsupported file type; give .txt, .html/.htm, .json, .jsonl/.ndjson files or folders",
  E_BINARY: "binary content, not text; give the scraped text or HTML instead",
  E_UTF8: "not valid UTF-8; re-encode the input as UTF-8",
  E_EMPTY: "the input is empty",
  E_JSON: "invalid JSON; fix or remove the record (other records are still ingested)",
  E_TOO_LARGE: "larger than the 20 MB limit for one document; split the input or drop the oversized page",
  E_NO_TEXT: "no article text; the record needs a text or html field with the story",
  E_EXTRACT: "extraction failed on this document; please report it with the input attached",
  E_STORE: "the store refused this document (the others are stored); please report it with the input attached",
} as const;

export type RejectionCode = keyof typeof REJECTION_CODES;

/** One rejected input, printed as `rejected <origin>: <CODE> <message>`. */
export interface Rejection {
  origin: string;
  code: RejectionCode;
  message: string;
}

/** Thrown by the readers and by prepareDocument; the pipeline turns it into a Rejection. */
export class IngestError extends Error {
  constructor(
    readonly code: RejectionCode,
    detail?: string,
  ) {
    super(detail ? `${detail}: ${REJECTION_CODES[code]}` : REJECTION_CODES[code]);
  }
}

export function rejection(origin: string, error: IngestError): Rejection {
  return { origin, code: error.code, message: error.message };
}

/** The one line a rejection prints as. */
export function formatRejection(r: Rejection): string {
  return `rejected ${r.origin}: ${r.code} ${r.message}`;
}

/** Something in an input that could not be used; the input itself is still stored. */
export const WARNING_CODES = {
  W_DATE_AMBIGUOUS: "a date that reads two ways",
  W_DATE_UNREADABLE: "a date field that is not a date",
  W_LINK_OUTSIDE: "a symbolic link that leads out of the folder given",
} as const;

export type WarningCode = keyof typeof WARNING_CODES;

export interface IngestWarning {
  origin: string;
  code: WarningCode;
  message: string;
}

/** The one line a warning prints as. */
export function formatWarning(w: IngestWarning): string {
  return `warning ${w.origin}: ${w.code} ${w.message}`;
}
