// Where an alert holds: the area put on alert (a town under curfew, a province, a border strip,
// a country), never the capital where a ministry spoke (place-roles.ts drops speakers' seats).
//   1. A place of its own sentence (place-roles.ts) comes first: "a curfew in Suleja".
//   2. Else the forces' country: "Iraqi forces were put on alert" holds in Iraq (around the event
//      it answers when that happened in the same country).
//   3. (story) Else, when the story places no alert at all, where the escape or attack it answers
//      happened (its whole country for an alert "nationwide"): "soldiers were deployed to hunt the fugitives" holds around the prison they fled.
//      Not so for forces sent to the facility itself ("reinforcements to the prison", "cordoned
//      off the jail"): that is the fight for the facility, not an area put on alert.
import type { PlaceRef } from "../../model/incident.ts";
import { placeById } from "../../gazetteer/index.ts";
import { FACILITY_OBJECT_NOUNS } from "../lexicon.ts";
import { hasMatch } from "../window.ts";
import type { PlaceValue, SentenceView, Story, Working } from "./context.ts";

const FORCES_COUNTRY_RULE = "alert.forces-country";
const FACILITY_COUNTRY_RULE = "alert.facility-country";
/** "along the border with X": a neighbour named only to say which border. */
const NEIGHBOUR_BORDER = /\bborders?\s+with\b/i;
/** Actors whose country is where their alert holds. */
const FORCE_KINDS = new Set(["state_force", "police", "militia", "prison_service"]);
/** Events an alert answers, whose place it takes when it names none. */
const ANSWERED_TYPES = new Set(["escape", "attack", "riot", "release"]);
/** An alert answers an event told at most this many sentences away. */
const ANSWER_REACH_SENTENCES = 8;

export function placeAlertsByForces(s: SentenceView): void {
  for (const m of s.created) {
    if (m.place || m.type !== "alert") continue;
    const force = s.actors.filter((a) => a.value.country && FORCE_KINDS.has(a.value.kind) && a.end <= m.trigger.start).pop();
    const demonym = s.places.filter((p) => p.value.demonym && p.end <= m.trigger.start).pop();
    const country = force?.value.country ? placeById(`country:${force.value.country}`) : null;
    if (country) m.place = country;
    else if (demonym) m.place = withoutDemonym(demonym.value);
    if (m.place) {
      m.evidence.push({ ...(force ?? demonym!), kind: "place", rule: FORCES_COUNTRY_RULE });
      continue;
    }
    // "Security was doubled along the border with X after the jailbreak at Y prison": the strip
    // put on alert belongs to the country that lost the prisoners, not to the neighbour.
    const sentence = s.story.text.slice(s.sentence.start, s.sentence.end);
    const facility = NEIGHBOUR_BORDER.test(sentence) ? s.facilities.find((f) => f.value.place?.country) : undefined;
    const lost = facility ? placeById(`country:${facility.value.place!.country}`) : null;
    if (lost) {
      m.place = lost;
      m.evidence.push({ start: facility!.start, end: facility!.end, kind: "place", rule: FACILITY_COUNTRY_RULE });
    }
  }
}

/** Story stage: an alert with no place holds where the event it answers happened, unless the story placed an alert already (it joins that one). */
export function placeAlertsAtTheirEvent(story: Story): void {
  const placed = story.mentions.some((m) => m.type === "alert" && m.place);
  for (const m of story.mentions) {
    if (m.type !== "alert" || atTheFacility(story, m)) continue;
    // "Iraqi authorities set up checkpoints" after an escape in Basra: around Basra, the forces' own country.
    const answered = answeredEvent(story.mentions, m);
    const place = answered?.place ?? answered?.facility?.place ?? null;
    if (!place) continue;
    // "placed the police on red alert nationwide", "border posts were closed": the whole country
    // of the event, or its frontier, which is the country's.
    if (!m.place && place.country && (NATIONWIDE.test(sentenceOf(story, m)) || (!placed && BORDER.test(sentenceOf(story, m))))) m.place = placeById(`country:${place.country}`) ?? place;
    // "Kenyan police stepped up patrols along the border": a border strip is the country's, not the town's around the prison.
    else if (byForces(m) ? m.place!.country === place.country && !BORDER.test(sentenceOf(story, m)) : !m.place && !placed) m.place = place;
  }
}

function byForces(alert: Working): boolean {
  return alert.evidence.some((e) => e.rule === FORCES_COUNTRY_RULE);
}

/** The nearest escape, attack, riot or release told before the alert, else the first after it. */
function answeredEvent(mentions: Working[], alert: Working): Working | undefined {
  const located = mentions.filter((e) => ANSWERED_TYPES.has(e.type) && (e.facility?.place || e.place) && Math.abs(e.sentence - alert.sentence) <= ANSWER_REACH_SENTENCES);
  return located.filter((e) => e.trigger.start < alert.trigger.start).pop() ?? located.find((e) => e.trigger.start > alert.trigger.start);
}

/** An alert along a frontier. */
const BORDER = /\b(?:borders?|frontiers?|border\s+posts?|border\s+crossings?)\b/i;
/** An alert over the whole country. */
const NATIONWIDE = /\b(?:nationwide|countrywide|across the country|throughout the country|all over the country|across the nation)\b/i;

function sentenceOf(story: Story, m: Working): string {
  const sentence = story.sentences[m.sentence];
  return story.text.slice(sentence.start, sentence.end);
}

/** "... after the escape from X prison": what follows names the event answered, not where forces went. */
const ANSWERED_CLAUSE = /\b(?:after|following|since|when|because|as|in the wake of|in response to)\b/gi;

function atTheFacility(story: Story, alert: Working): boolean {
  const sentence = story.sentences[alert.sentence];
  // Only the alert's own clause: "roadblocks across Bali after inmates escaped from Kerobokan prison" sends no one to the prison.
  ANSWERED_CLAUSE.lastIndex = 0;
  const rest = story.text.slice(alert.trigger.end, sentence.end);
  const cut = ANSWERED_CLAUSE.exec(rest);
  const end = cut ? alert.trigger.end + cut.index : sentence.end;
  return hasMatch(FACILITY_OBJECT_NOUNS, story.text, sentence.start, end) || story.entities.facilities.some((f) => f.start >= sentence.start && f.end <= end);
}

function withoutDemonym(value: PlaceValue): PlaceRef {
  const { demonym: _d, ...place } = value;
  return place;
}
