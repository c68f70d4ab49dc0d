// The extraction stages over one cleaned Doc, in order. Each stage adds annotations with offsets
// and rule ids to `doc.annotations`; the last ones assemble incident mentions from them.
//   sentences -> gazetteer (facilities, places, actors) -> quantities -> dates
//   -> attribution -> triggers + mentions -> within-document merge -> holdings
// Only relevant segments are read: a glued-on second story yields nothing, and an unrelated
// article costs one cheap relevance test (done at cleaning time).
import type { Annotation, Doc, Span } from "../model/doc.ts";
import type { FacilityRef } from "../model/incident.ts";
import type { Extraction } from "../store/store.ts";
import { matchGazetteer } from "../gazetteer/index.ts";
import { assignActorRoles } from "./actor-roles.ts";
import { Attributor, type ActorValue } from "./attribution.ts";
import { findDates, type DateValue } from "./dates/index.ts";
import { findHoldings } from "./holdings.ts";
import { buildMentions, type PlaceValue } from "./mentions/index.ts";
import { mergeWithinDocument } from "./merge.ts";
import { findQuantities, type QuantityValue } from "./quantities/index.ts";
import { splitSentences } from "./sentences.ts";
import { NON_DETENTION_CAMP } from "./lexicon.ts";

/** Annotates `doc` in place and returns the incident mentions and facility holdings it tells. */
export function extract(doc: Doc): Extraction {
  const segments = doc.segments.filter((s) => s.relevant);
  if (!segments.length) return { mentions: [], holdings: [] };
  const sentencesOf = segments.map((s) => splitSentences(doc.text, s.start, s.end));
  const sentences: Span[] = sentencesOf.flat();
  const add = (list: Annotation[]) => {
    // One push per item: push(...list) passes the list as call arguments, which overflows the
    // stack on a long page (an 800 KB report has more annotations than V8 takes arguments).
    for (const a of list) doc.annotations.push(a);
    return list;
  };
  // Fields named, not spread: copying by spread costs several times more, once per sentence.
  add(sentences.map((s) => ({ start: s.start, end: s.end, kind: "sentence" as const, rule: "sentence.split", value: null })));

  const gazetteer = segments.flatMap((s) => shift(matchGazetteer(doc.text.slice(s.start, s.end)), s.start));
  add(gazetteer);
  const quantities = add(segments.flatMap((s) => findQuantities(doc.text, s.start, s.end))) as Array<Annotation<QuantityValue>>;
  const dates = add(segments.flatMap((s, i) => findDates(doc.text, doc.published, s.start, s.end, sentencesOf[i]))) as Array<Annotation<DateValue>>;
  const entities = {
    facilities: (gazetteer.filter((a) => a.kind === "facility") as Array<Annotation<FacilityRef>>).filter((f) => holdsDetainees(doc.text, f)),
    places: gazetteer.filter((a) => a.kind === "place") as Array<Annotation<PlaceValue>>,
    actors: gazetteer.filter((a) => a.kind === "actor") as Array<Annotation<ActorValue>>,
    quantities,
    dates,
  };

  const attributor = new Attributor({ text: doc.text, actors: entities.actors, quantities }, sentences);
  add(attributor.annotations());

  const mentions = mergeWithinDocument(attributor.describeClaims(buildMentions(doc, sentences, entities, attributor)));
  add(mentions.map((m) => ({ start: m.trigger.start, end: m.trigger.end, kind: "trigger" as const, rule: m.trigger.rule, value: { type: m.type, mention: m.id } })));
  const holdings = findHoldings(doc, entities.facilities, entities.actors, mentions);
  assignActorRoles(doc.text, sentences, mentions, entities.actors, holdings);
  return { mentions, holdings };
}

/** Moves annotations found in a slice of the text to offsets in the whole text. */
function shift(list: Annotation[], by: number): Annotation[] {
  return by === 0 ? list : list.map((a) => ({ ...a, start: a.start + by, end: a.end + by }));
}

/** "the Bakassi camp for displaced persons", "a military camp": camps that hold no detainees. */
function holdsDetainees(text: string, f: Annotation<FacilityRef>): boolean {
  if (f.value.kind !== "camp") return true;
  NON_DETENTION_CAMP.lastIndex = 0;
  const around = text.slice(Math.max(0, f.start - 20), f.end + 40);
  return !NON_DETENTION_CAMP.test(around);
}
