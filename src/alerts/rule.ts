// Alert rules: which incidents a rule watches. Conditions combine with AND; each is optional.
import { INCIDENT_TYPES, QUANTITIES, type Incident, type IncidentType } from "../model/incident.ts";
import type { AlertChange, AlertRule } from "../store/store.ts";

export const ALERT_CHANGES: readonly AlertChange[] = ["new", "updated", "disputed"];

/** A rule option a user got wrong, with a stable code. */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code} ${message}`);
  }
}

/** "escaped=10" -> { quantity: "escaped", value: 10 }. */
export function parseMinimum(text: string): { quantity: string; value: number } {
  const match = /^([a-z_]+)=(\d{1,9})$/.exec(text.trim());
  if (!match || !(QUANTITIES as readonly string[]).includes(match[1])) {
    throw new RuleError("E_RULE_MIN", `"${text}": expected QUANTITY=N with a quantity among ${QUANTITIES.join(", ")}`);
  }
  return { quantity: match[1], value: Number(match[2]) };
}

export function parseType(text: string): IncidentType {
  if (!(INCIDENT_TYPES as readonly string[]).includes(text)) throw new RuleError("E_RULE_TYPE", `"${text}": expected one of ${INCIDENT_TYPES.join(", ")}`);
  return text as IncidentType;
}

export function parseChange(text: string): AlertChange {
  if (!(ALERT_CHANGES as readonly string[]).includes(text)) throw new RuleError("E_RULE_ON", `"${text}": expected one of ${ALERT_CHANGES.join(", ")}`);
  return text as AlertChange;
}

export function parseCountry(text: string): string {
  if (!/^[A-Za-z]{2}$/.test(text)) throw new RuleError("E_RULE_COUNTRY", `"${text}": expected an ISO 3166-1 alpha-2 code such as IQ`);
  return text.toUpperCase();
}

/** Whether the incident meets every condition of the rule. */
export function matchesRule(rule: AlertRule, incident: Incident): boolean {
  if (rule.types.length > 0 && !rule.types.includes(incident.type)) return false;
  if (rule.country && (incident.place?.country ?? incident.facility?.place?.country) !== rule.country) return false;
  if (rule.facility) {
    const wanted = rule.facility.toLowerCase();
    const facility = incident.facility;
    if (!facility || (facility.id !== wanted && !facility.name.toLowerCase().includes(wanted))) return false;
  }
  return rule.min.every(({ quantity, value }) => incident.counts.some((c) => c.quantity === quantity && c.best >= value));
}
