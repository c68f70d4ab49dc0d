// Stage: propose one mention per accepted trigger that reports something that happened (or, for
// transfers and releases, is planned). Negated, attempted and background triggers propose nothing,
// except an attempted mass breakout, which is an uprising inside the facility: a riot.
import { createHash } from "node:crypto";
import type { Span } from "../../model/doc.ts";
import type { IncidentType } from "../../model/incident.ts";
import { readModality } from "../modality.ts";
import type { SentenceView, Working } from "./context.ts";
import { nearestTimeIsPast, timesOf } from "./history.ts";

/** An attempt at a breakout by detainees themselves (not an attack from outside "to free" them). */
const ATTEMPTED_BREAKOUT = /\b(?:inmates|prisoners|detainees|convicts)\b[^.]{0,60}\b(?:tried|attempted|attempting|trying)\b|\battempted\s+(?:mass\s+)?(?:breakout|jailbreak|prison\s+break|escape)/i;
/** Types kept when only planned: announced moves and releases are news; a planned attack is not an incident. */
const KEPT_WHEN_PLANNED = new Set<IncidentType>(["transfer", "release"]);

export function proposeMentions(s: SentenceView): void {
  const { story, sentence } = s;
  const text = story.text;
  const times = timesOf(text, sentence, s.dates, story.doc.published);
  for (const t of s.scan.accepted) {
    const modality = readModality(text, sentence, t);
    if (modality.occurrence === "negated") continue;
    if (modality.occurrence === "attempted" && !(t.type === "escape" && ATTEMPTED_BREAKOUT.test(text.slice(sentence.start, sentence.end)))) continue;
    if (modality.occurrence === "attempted") {
      t.type = "riot";
      t.rule = `${t.rule}.attempted-breakout`;
    }
    if (modality.occurrence === "background" || nearestTimeIsPast(times, t)) continue;
    if (modality.occurrence === "planned" && !KEPT_WHEN_PLANNED.has(t.type)) continue;
    s.triggers.push(t);
    const mention: Working = {
      id: mentionId(story.doc.id, t.type, t),
      document: story.doc.id,
      type: t.type,
      modality: modality.occurrence === "planned" ? "planned" : "occurred",
      unconfirmed: modality.unconfirmed,
      facility: null,
      place: null,
      destination: null,
      date: null,
      actors: [],
      counts: [],
      trigger: { start: t.start, end: t.end, rule: t.rule },
      evidence: [{ start: t.start, end: t.end, kind: "trigger", rule: t.rule }, { ...t, kind: "modality", rule: modality.rule }],
      sentence: s.index,
    };
    s.created.push(mention);
  }
}

function mentionId(docId: string, type: IncidentType, span: Span): string {
  return "men_" + createHash("sha256").update(`${docId}|${type}|${span.start}|${span.end}`).digest("hex").slice(0, 16);
}
