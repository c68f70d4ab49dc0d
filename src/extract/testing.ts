// Helpers for the extraction table tests: a one-story document and a short description of each
// mention ("attack@Kuje prison"), so a table row reads as sentence -> incidents.
import type { Doc } from "../model/doc.ts";
import type { IncidentMention } from "../model/incident.ts";
import { extract } from "./pipeline.ts";

/** A relevant one-segment document published on `published`. */
export function docOf(text: string, published: string | null = "2024-03-10"): Doc {
  return {
    id: "t",
    contentHash: "h",
    url: null,
    title: null,
    published,
    publishedOrigin: "metadata",
    text,
    segments: [{ start: 0, end: text.length, relevant: true, reason: "test" }],
    annotations: [],
  };
}

export function mentionsOf(text: string, published?: string | null): IncidentMention[] {
  return extract(docOf(text, published)).mentions;
}

/** "attack@Kuje prison", "alert@Borno": the type and where, as the tables spell them. */
export function described(m: IncidentMention): string {
  return `${m.type}@${m.facility?.name ?? m.place?.name ?? "?"}`;
}
