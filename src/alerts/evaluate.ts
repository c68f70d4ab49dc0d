// Matching rules against the stored incidents and queueing what changed in the outbox. Run after
// every ingest pass (watch) and when a rule is added (as a baseline: a new rule does not flood
// its subscribers with every incident already known).
import type { Incident } from "../model/incident.ts";
import type { AlertRule, IncidentFilter, Store } from "../store/store.ts";
import { changesBetween, signatureOf, type DetectedChange, type IncidentSignature } from "./change.ts";
import { matchesRule } from "./rule.ts";

export interface CheckOptions {
  now?: Date;
  /** Record what the rules match without queueing alerts. */
  baseline?: boolean;
  /** Only this rule. */
  rule?: string;
}

/** The webhook body and the source of the Atom entry. */
export interface AlertPayload {
  rule: string;
  change: string;
  detectedAt: string;
  incident: Incident;
}

/** The store filter that narrows a rule's candidates; matchesRule decides. */
export function filterOf(rule: AlertRule): IncidentFilter {
  return { ...(rule.types.length === 1 ? { type: rule.types[0] } : {}), ...(rule.country ? { country: rule.country } : {}) };
}

/** Checks the rules against every candidate incident; resolves with the number of alerts queued. */
export async function checkRules(store: Store, opts: CheckOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  let queued = 0;
  for (const rule of await store.listRules()) {
    if (opts.rule && rule.name !== opts.rule) continue;
    const seen = await store.alertSignatures(rule.name);
    for await (const incident of store.iterateIncidents(filterOf(rule))) {
      if (!matchesRule(rule, incident)) continue;
      const signature = JSON.stringify(signatureOf(incident));
      const before = seen.get(incident.id);
      if (before === signature) continue;
      const changes = opts.baseline ? [] : changesBetween(before ? (JSON.parse(before) as IncidentSignature) : null, signatureOf(incident));
      const wanted = changes.filter((c) => rule.on.includes(c.kind));
      if (wanted.length === 0) await store.recordAlertCheck(rule.name, incident.id, signature, null);
      for (const change of wanted) {
        const alert = { change: change.key, payload: payloadOf(rule, change, incident, now), nextAttemptAt: rule.webhook ? now.toISOString() : null };
        if (await store.recordAlertCheck(rule.name, incident.id, signature, alert)) queued += 1;
      }
    }
  }
  return queued;
}

function payloadOf(rule: AlertRule, change: DetectedChange, incident: Incident, now: Date): string {
  const payload: AlertPayload = { rule: rule.name, change: change.kind, detectedAt: now.toISOString(), incident };
  return JSON.stringify(payload);
}
