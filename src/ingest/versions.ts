// How a prepared record is stored, given what the store already holds under its id and its
// content. Ids are the user's and only the user's: the store never makes one up.
//   1. Content stored under the same id: nothing changes, unless this copy adds metadata (a date,
//      a URL, a title); then the document takes it and is extracted again ("updated"), so its
//      incidents are re-dated.
//   2. New content under a stored id: the page changed; it becomes the document's next version
//      (history kept), keeping metadata the new copy lacks ("updated").
//   3. Known content under a new id: the id becomes an alias of the stored document, which answers
//      under both; metadata the copy adds fills the document's gaps ("known", or "updated").
//   4. New content under an id that was an alias: the id now names a document of its own ("new").
//   5. Anything else is a new document ("new").
// Content that an id's document held in an earlier version, or that another id holds, is "known".
import type { DateOrigin, Day, Doc } from "../model/doc.ts";
import type { DocumentLookup, DocumentState } from "../store/store.ts";

/** How far a publication date is trusted, by where it came from (prepare.ts reads them in this order). */
const ORIGIN_TRUST: Record<DateOrigin, number> = { metadata: 4, dateline: 3, "html-meta": 2, cli: 1 };

function trust(origin: DateOrigin | null, day: Day | null): number {
  return day && origin ? ORIGIN_TRUST[origin] : 0;
}

/** What the record itself said, as opposed to what cleaning inferred (a title from the first line). */
export interface GivenMetadata {
  title: boolean;
}

export type StoragePlan =
  | { action: "known"; document: string }
  | { action: "alias"; alias: string; document: string }
  | { action: "insert"; doc: Doc; replacesAlias: boolean }
  | { action: "version"; doc: Doc; basis: number }
  | { action: "refresh"; doc: Doc; basis: number; alias?: string };

type Metadata = Pick<Doc, "url" | "title" | "published" | "publishedOrigin">;

/**
 * The metadata a document keeps when a copy arrives. `same`: the copy names the same page (its id);
 * `newer`: the copy's content replaces the stored one. A date replaces another only when it is
 * better sourced (or, for a new version, as well sourced); the copy's URL and given title win for
 * its own page, and only fill gaps of another id's document.
 */
export function mergedMetadata(stored: DocumentState, copy: Doc, given: GivenMetadata, how: { same: boolean; newer: boolean }): Metadata {
  const [mine, theirs] = [trust(stored.publishedOrigin, stored.published), trust(copy.publishedOrigin, copy.published)];
  const copyDate = theirs > mine || (how.newer && theirs > 0 && theirs === mine);
  return {
    url: how.same ? (copy.url ?? stored.url) : (stored.url ?? copy.url),
    title: how.same && (given.title || stored.title === null) ? copy.title : (stored.title ?? copy.title),
    published: copyDate ? copy.published : stored.published,
    publishedOrigin: copyDate ? copy.publishedOrigin : stored.publishedOrigin,
  };
}

function changes(stored: DocumentState, merged: Metadata): boolean {
  return stored.url !== merged.url || stored.title !== merged.title || stored.published !== merged.published || stored.publishedOrigin !== merged.publishedOrigin;
}

/** A copy of the prepared document under another id and metadata, with fresh annotations. */
function as(doc: Doc, id: string, metadata: Metadata): Doc {
  return { ...doc, ...metadata, id, annotations: [] };
}

/** The storage decision for `doc` (prepared under the record's id), given the store's `lookup`. */
export function planStorage(doc: Doc, lookup: DocumentLookup, given: GivenMetadata): StoragePlan {
  const { byId, byContent } = lookup;
  // Rules 1 and 2: the id names a document of its own.
  if (byId?.via === "id") {
    if (byId.contentHash === doc.contentHash) {
      const merged = mergedMetadata(byId, doc, given, { same: true, newer: false });
      return changes(byId, merged) ? { action: "refresh", doc: as(doc, byId.id, merged), basis: byId.version } : { action: "known", document: byId.id };
    }
    if (byContent) return { action: "known", document: byId.id };
    return { action: "version", doc: as(doc, byId.id, mergedMetadata(byId, doc, given, { same: true, newer: true })), basis: byId.version };
  }
  // Rule 3: the content is stored: under this alias (byId) or another id.
  if (byContent) {
    const owner = byId && byId.id === byContent.document ? byId : null;
    if (byId && !owner) return { action: "known", document: byId.id }; // an alias of another document
    if (owner && byContent.current) {
      const merged = mergedMetadata(owner, doc, given, { same: false, newer: false });
      return changes(owner, merged) ? { action: "refresh", doc: as(doc, owner.id, merged), basis: owner.version } : { action: "known", document: owner.id };
    }
    if (owner) return { action: "known", document: owner.id };
    return { action: "alias", alias: doc.id, document: byContent.document };
  }
  // Rules 4 and 5.
  return { action: "insert", doc: as(doc, doc.id, doc), replacesAlias: byId?.via === "alias" };
}

/**
 * The plan for known content under a new id once the owner's state is known: metadata the copy
 * adds fills the owner's gaps, and the alias is written with it.
 */
export function planAlias(doc: Doc, owner: DocumentState, given: GivenMetadata): StoragePlan {
  const merged = mergedMetadata(owner, doc, given, { same: false, newer: false });
  if (!changes(owner, merged)) return { action: "alias", alias: doc.id, document: owner.id };
  return { action: "refresh", doc: as(doc, owner.id, merged), basis: owner.version, alias: doc.id };
}
