// Alert rules: which incidents a rule watches. Conditions combine with AND; each is optional.
import { INCIDENT_TYPES, QUANTITIES, type Incident, type IncidentType } from "../model/incident.ts";
import type { AlertChange, AlertRule } from "../store/store.ts";
import { checkFeedUrl } from "../feeds/address.ts";
import { isTownLevel, kilometres } from "../gazetteer/geo.ts";
import { borderOf, kilometresToBorder } from "../gazetteer/borders.ts";

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

/** "36.3,43.1" and "50" -> { lat: 36.3, lon: 43.1, km: 50 }. */
export function parseNear(point: string, km: string | undefined): { lat: number; lon: number; km: number } {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(point);
  const [lat, lon] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new RuleError("E_RULE_NEAR", `"${point}": expected LAT,LON in degrees, e.g. 36.34,43.13`);
  return { lat, lon, km: parseKilometres(km, "--near") };
}

function parseKilometres(km: string | undefined, option: string): number {
  const radius = Number(km);
  if (km === undefined || !/^\d+(\.\d+)?$/.test(km) || radius <= 0) throw new RuleError(option === "--near" ? "E_RULE_NEAR" : "E_RULE_BORDER", `${option} needs --km N, a distance in kilometres`);
  return radius;
}

/** "IQ" and "100" -> { country: "IQ", km: 100 }, for a country that has a land border in the bundled boundaries. */
export function parseBorder(country: string, km: string | undefined): { country: string; km: number } {
  if (!/^[A-Za-z]{2}$/.test(country)) throw new RuleError("E_RULE_BORDER", `"${country}": expected an ISO 3166-1 alpha-2 code such as IQ`);
  const code = country.toUpperCase();
  const radius = parseKilometres(km, "--border");
  if (!borderOf(code)) throw new RuleError("E_RULE_BORDER", `"${code}": no country with a land border by that code in the bundled boundaries (a country bounded only by sea has none)`);
  return { country: code, km: radius };
}

/** The point an incident is measured from: its facility's when known (the most precise), else its place's. */
function pointOf(incident: Incident): { lat: number; lon: number; townLevel: boolean } | null {
  const place = [incident.facility?.place, incident.place].find((p) => p && p.lat !== null && p.lon !== null);
  return place ? { lat: place.lat as number, lon: place.lon as number, townLevel: isTownLevel(place) } : null;
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
  if (rule.admin1 && (incident.place?.admin1 ?? incident.facility?.place?.admin1 ?? "").toLowerCase() !== rule.admin1.toLowerCase()) return false;
  if (rule.near) {
    const point = pointOf(incident);
    if (!point || kilometres(point.lat, point.lon, rule.near.lat, rule.near.lon) > rule.near.km) return false;
  }
  if (rule.border) {
    // A province's or a country's centre says nothing about how far from a border it happened.
    const point = pointOf(incident);
    const border = borderOf(rule.border.country);
    if (!point?.townLevel || !border || kilometresToBorder(border, point.lat, point.lon, rule.border.km) === null) return false;
  }
  return rule.min.every(({ quantity, value }) => incident.counts.some((c) => c.quantity === quantity && c.best >= value));
}

const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A rule as the CLI options and the API body give it: strings, lists of strings. */
export interface RuleOptions {
  type: string[];
  country?: string;
  facility?: string;
  admin1?: string;
  near?: string;
  border?: string;
  /** The distance for --near and --border. */
  km?: string;
  min: string[];
  on: string[];
  webhook?: string;
  secret?: string;
}

/** The rule the options describe; throws RuleError on a mistake. */
export function ruleFrom(name: string, opts: RuleOptions): AlertRule {
  if (!RULE_NAME.test(name)) throw new RuleError("E_RULE_NAME", `"${name}": use letters, digits, '-', '_' or '.' (it names the Atom feed)`);
  let webhook: string | null = null;
  if (opts.webhook) {
    const checked = checkFeedUrl(opts.webhook);
    if ("error" in checked) throw new RuleError("E_RULE_WEBHOOK", checked.error);
    webhook = checked.url;
  }
  if (opts.secret && !webhook) throw new RuleError("E_RULE_WEBHOOK", "--secret signs webhook bodies; give --webhook too");
  return {
    name,
    types: [...new Set(opts.type.map(parseType))],
    country: opts.country ? parseCountry(opts.country) : null,
    facility: opts.facility?.trim() || null,
    admin1: opts.admin1?.trim() || null,
    near: opts.near ? parseNear(opts.near, opts.km) : null,
    border: opts.border ? parseBorder(opts.border, opts.km) : null,
    min: opts.min.map(parseMinimum),
    on: [...new Set((opts.on.length ? opts.on : ["new"]).map(parseChange))],
    webhook,
    secret: opts.secret ?? null,
  };
}
