// Every threshold and window incident merging, reconciliation and derivation use, in one place,
// so a reviewer can see (and tune) the judgement calls without reading the algorithms.
import type { IncidentType } from "../model/incident.ts";

/**
 * Every two text-dated reports of one event may miss each other by at most this many days: an
 * event told as "Thursday night" by one outlet and "Friday" by another, or dated across a time
 * zone. It binds the whole incident, not the nearest member (see RECONCILIATION.md), so escapes
 * two days apart at one prison stay two incidents however many follow in the same rhythm.
 */
export const DATE_TOLERANCE_DAYS = 1;

/** A report with no date of its own is read as "in the days before publication": this many days. */
export const UNDATED_LOOKBACK_DAYS = 7;

/**
 * A report that does not date its event and names the facility (or its town) of an incident that
 * ended at most this many days before its publication is a follow-up of that incident: coverage of
 * a breakout (manhunts, recaptures, inquiries, trials) runs for weeks, while a new event is
 * almost always dated by the report that breaks it ("on Tuesday", "overnight").
 */
export const FOLLOW_UP_DAYS = 90;

/**
 * Attacks, riots and control changes are recalled by the facility's name long after the event
 * ("a year after the attack on X", an anniversary, a trial): a report that does not date such an
 * event and names the very facility of one that ended at most this many days before its
 * publication is about that event, while a new one would be dated by the report that breaks it.
 * A town alone is not enough so far back: it may have seen several.
 */
export const RECALL_DAYS = 400;

/** Types whose events are recalled by the facility's name (RECALL_DAYS). */
export const RECALLED_TYPES: readonly IncidentType[] = ["attack", "riot", "control_change"];

/** Recaptures at the same facility (or place) this many days after an escape attach to it. */
export const RECAPTURE_WINDOW_DAYS = 30;

/** Best values differing by more than this ratio (larger / smaller) can make a count disputed... */
export const DISPUTE_BEST_RATIO = 1.5;

/** ...when the sources' ranges also miss each other after widening each by this fraction. */
export const DISPUTE_RANGE_SLACK = 0.1;

/** Length of the hex sha256 prefix in incident ids ("inc_" + 16 hex = 64 bits). */
export const INCIDENT_ID_HEX = 16;
