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

/** What a pass did: alerts queued, and incidents it matched against a rule (its work). */
export interface RuleCheck {
  queued: number;
  examined: number;
}

/**
 * Matches the rules against the incidents written since each rule's last pass; resolves with
 * the alerts queued and the incidents examined. A pass over an unchanged store examines nothing.
 */
export async function checkRules(store: Store, opts: CheckOptions = {}): Promise<RuleCheck> {
  const now = opts.now ?? new Date();
  const check: RuleCheck = { queued: 0, examined: 0 };
  // 1. Fix the upper end first: incidents written while this pass runs are the next pass's work.
  const upTo = await store.incidentRevision();
  for (const rule of await store.listRules()) {
    if (opts.rule && rule.name !== opts.rule) continue;
    const after = await store.checkedRevision(rule.name);
    if (after >= upTo) continue;
    // 2. Each changed incident the rule matches is compared with what the rule saw of it; the
    //    outbox's (rule, incident, change) key keeps a pass repeated after a crash from queueing twice.
    const seen = await store.alertSignatures(rule.name);
    for await (const incident of store.changedIncidents(after, upTo)) {
      check.examined += 1;
      if (!matchesRule(rule, incident)) continue;
      const signature = JSON.stringify(signatureOf(incident));
      const before = seen.get(incident.id);
      if (before === signature) continue;
      const changes = opts.baseline ? [] : changesBetween(before ? (JSON.parse(before) as IncidentSignature) : null, signatureOf(incident));
      const wanted = changes.filter((c) => rule.on.includes(c.kind));
      if (wanted.length === 0) await store.recordAlertCheck(rule.name, incident.id, signature, null);
      for (const change of wanted) {
        const alert = { change: change.key, payload: payloadOf(rule, change, incident, now), nextAttemptAt: rule.webhook ? now.toISOString() : null };
        if (await store.recordAlertCheck(rule.name, incident.id, signature, alert)) check.queued += 1;
      }
    }
    // 3. Only once every changed incident is recorded: a crash before this repeats the pass, harmlessly.
    await store.saveCheckedRevision(rule.name, upTo);
  }
  return check;
}

function payloadOf(rule: AlertRule, change: DetectedChange, incident: Incident, now: Date): string {
  const payload: AlertPayload = { rule: rule.name, change: change.kind, detectedAt: now.toISOString(), incident };
  return JSON.stringify(payload);
}
