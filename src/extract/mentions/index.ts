// Incident mentions of one document, assembled by small stages over its sentences (propose, then
// refine). Every accepted trigger that reports an event proposes a mention; the stages below, in
// this order, link its arguments from the sentence and the story:
//   1. entities in the sentence go to the nearest trigger, so "put on alert after 37 prisoners
//      escaped from a prison in Ras al-Ayn" gives Ras al-Ayn to the escape, not to the alert;
//   2. numbers go to the cue that governs them (counts.ts) and become claims with the source of
//      their sentence (attribution.ts);
//   3. once the story is read, a trigger without a facility takes the salient one ("the prison"),
//      and undated mentions take a window.
import type { Doc, Span } from "../../model/doc.ts";
import type { IncidentMention } from "../../model/incident.ts";
import type { Attributor } from "../attribution.ts";
import { findTriggers } from "../triggers.ts";
import { tagSentence, type TaggedToken } from "../verb-groups.ts";
import { linkActors } from "./actors.ts";
import { placeAlertsAtTheirEvent, placeAlertsByForces } from "./alert-places.ts";
import { bySentence, type Entities, type SentenceStage, type SentenceView, type Story, type StoryStage } from "./context.ts";
import { claimCounts, claimPendingCounts, followAttackFocus } from "./count-ownership.ts";
import { dateToldEvent, fillUndatedWindows, linkDates, shareSentenceDate } from "./date-windows.ts";
import { facilityOfTown, linkFacilities, shareSentenceLocation } from "./facility-links.ts";
import { splitCoordinatedFacilities } from "./coordination.ts";
import { linkPlaces } from "./place-roles.ts";
import { timesOf, type TimeMark } from "./history.ts";
import { clauseBoundaries } from "./clauses.ts";
import { proposeMentions } from "./propose.ts";
import { settleReferences } from "./references.ts";
import { CUSTODY_SALIENCE_SENTENCES, inheritSalientFacility, salientFacility } from "./salience.ts";

export type { Entities, PlaceValue } from "./context.ts";
export { BACKGROUND_DAYS } from "./history.ts";
export { UNDATED_LOOKBACK_DAYS } from "./date-windows.ts";

/** Stages run on every sentence, in order. */
const SENTENCE_STAGES: SentenceStage[] = [
  proposeMentions,
  linkFacilities,
  linkPlaces,
  linkDates,
  dateToldEvent,
  shareSentenceLocation,
  splitCoordinatedFacilities,
  facilityOfTown,
  shareSentenceDate,
  linkActors,
  placeAlertsByForces,
  claimCounts,
  claimPendingCounts,
];

/** Stages run once the whole story has been read. */
const STORY_STAGES: StoryStage[] = [inheritSalientFacility, placeAlertsAtTheirEvent, settleReferences, fillUndatedWindows];

/** Builds the mentions of `doc` from its sentences, entities and attributions. */
export function buildMentions(doc: Doc, sentences: Span[], entities: Entities, attributor: Attributor): IncidentMention[] {
  const story: Story = { doc, text: doc.text, sentences, entities, attributor, mentions: [], attackFocus: null, references: new Set(), pendingDetaineeCounts: [], lastFigure: null, destinations: new Set(), historySentences: new Set() };
  const inSentence: SentenceEntities = {
    facilities: bySentence(entities.facilities, sentences),
    places: bySentence(entities.places, sentences),
    actors: bySentence(entities.actors, sentences),
    quantities: bySentence(entities.quantities, sentences),
    dates: bySentence(entities.dates, sentences),
  };
  sentences.forEach((sentence, index) => {
    const view = readSentence(story, inSentence, sentence, index);
    for (const stage of SENTENCE_STAGES) stage(view);
    story.mentions.push(...view.created);
    followAttackFocus(view);
  });
  for (const stage of STORY_STAGES) stage(story);
  return story.mentions.map(({ sentence: _s, placeSpan: _p, ...m }) => m);
}

/** Sentences back within which an escape makes a bare "eleven were caught" a recapture of its escapees. */
const RECAPTURE_REACH_SENTENCES = 2;
/**
 * Sentences back within which an escape makes forces deployed or a curfew imposed a response to
 * it: reports tell the breakout first and the curfew, checkpoints or closed borders paragraphs later.
 */
const ALERT_REACH_SENTENCES = 8;

function recentEscape(story: Story, index: number, reach: number): boolean {
  // Mentions are in reading order: walk back only over the last few sentences.
  for (let i = story.mentions.length - 1; i >= 0 && index - story.mentions[i].sentence <= reach; i--) {
    if (story.mentions[i].type === "escape") return true;
  }
  return false;
}

/** Each entity list split by sentence, once per document. */
type SentenceEntities = { [K in keyof Entities]: Array<Entities[K]> };

/** The sentence's entities and its trigger scan; custody is implied when a facility was named just before. */
function readSentence(story: Story, inSentence: SentenceEntities, sentence: Span, index: number): SentenceView {
  const facilities = inSentence.facilities[index];
  let tokens: TaggedToken[] | null = null;
  const tags = () => (tokens ??= tagSentence(story.text, sentence));
  // Several stages read these; each is found once per sentence, and only if one asks.
  const dates = inSentence.dates[index];
  let timeMarks: TimeMark[] | null = null;
  const times = () => (timeMarks ??= timesOf(story.text, sentence, dates, story.doc.published));
  let boundaries: number[] | null = null;
  const clauses = () => (boundaries ??= clauseBoundaries(story.text, sentence));
  const salientNearby = Boolean(salientFacility(story, story.sentences, index, sentence.start, CUSTODY_SALIENCE_SENTENCES));
  return {
    story,
    index,
    sentence,
    facilities,
    places: inSentence.places[index],
    actors: inSentence.actors[index],
    quantities: inSentence.quantities[index],
    dates,
    scan: findTriggers(story.text, sentence, facilities, {
      salientFacility: salientNearby,
      recentEscape: recentEscape(story, index, RECAPTURE_REACH_SENTENCES),
      escapeAnswered: recentEscape(story, index, ALERT_REACH_SENTENCES),
      tags,
    }),
    triggers: [],
    created: [],
    tags,
    times,
    clauses,
  };
}
