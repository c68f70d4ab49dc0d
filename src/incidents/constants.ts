// Every threshold and window incident merging, reconciliation and derivation use, in one place,
// so a reviewer can see (and tune) the judgement calls without reading the algorithms.

/** Two reports' date windows may miss each other by this many days and still be one event
 * (a report dated by publication day, another by "on Thursday", time zones, late reporting). */
export const DATE_TOLERANCE_DAYS = 2;

/** A report with no date of its own is read as "in the days before publication": this many days. */
export const UNDATED_LOOKBACK_DAYS = 7;

/** Recaptures at the same facility (or place) this many days after an escape attach to it. */
export const RECAPTURE_WINDOW_DAYS = 30;

/** Best values differing by more than this ratio (larger / smaller) can make a count disputed... */
export const DISPUTE_BEST_RATIO = 1.5;

/** ...when the sources' ranges also miss each other after widening each by this fraction. */
export const DISPUTE_RANGE_SLACK = 0.1;

/** Length of the hex sha256 prefix in incident ids ("inc_" + 16 hex = 64 bits). */
export const INCIDENT_ID_HEX = 16;
