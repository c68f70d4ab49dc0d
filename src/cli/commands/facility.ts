// `escapewatch facility NAME`: one facility over time - who held it, every incident there, and
// each figure's claims side by side with their sources and quotes. Without NAME: every facility.
//   escapewatch facility [NAME] [--db PATH] [--json]
// NAME may be the facility's id, a fragment of its name, or any alias the gazetteer knows ("Gweiran").
import type { Claim, Count, FacilityRef } from "../../model/incident.ts";
import type { FacilityHistory } from "../../incidents/facilities.ts";
import { existingStoreFrom } from "../options.ts";
import { formatCount, formatRange, formatSite, formatWindow, quietOnClosedPipe } from "./incidents.ts";
import type { RegisterCommand } from "./index.ts";

export const FACILITY_ERRORS = { notFound: "E_FACILITY_NOT_FOUND" } as const;

/** Pieces of evidence named per holder period in the text view; the rest are counted (JSON keeps all). */
const EVIDENCE_SHOWN = 3;
/** Quotes longer than this are cut in the text view (JSON keeps them whole). */
const QUOTE_CHARS = 140;

function quoteOf(claim: Claim): string {
  const text = claim.quote.replace(/\s+/g, " ").trim();
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
}

function describeFacility(f: FacilityRef): string {
  const place = f.place;
  const where = place ? [place.name, place.admin1, place.country].filter(Boolean).join(", ") : "place unknown";
  const at = place?.lat != null && place.lon != null ? ` (${place.lat}, ${place.lon})` : "";
  return `${f.name} [${f.kind}, id ${f.id}] - ${where}${at}`;
}

function claimLines(count: Count): string[] {
  if (count.derived) return [`      computed from ${count.derivedFrom?.join(", ") ?? "other incidents"}`];
  return count.claims.map(
    (c) => `      ${(c.source ?? "unattributed").padEnd(28)} ${formatRange(c.low, c.high).padEnd(10)} "${quoteOf(c)}" (${c.document}@${c.start}-${c.end})`,
  );
}

/** The history view as plain text. */
export function historyText(h: FacilityHistory): string {
  const out = [describeFacility(h.facility)];
  if (h.alsoMatched.length) out.push(`(also matched: ${h.alsoMatched.map((f) => `${f.name} [${f.id}]`).join("; ")})`);
  out.push("", "Held by");
  if (!h.holders.length) out.push("  nothing known");
  for (const p of h.holders) {
    const shown = p.evidence.slice(0, EVIDENCE_SHOWN).map((e) => (e.basis === "control_change" ? `took it: ${e.incident}` : `statement in ${e.document}`));
    const rest = p.evidence.length - shown.length;
    const basis = [...shown, ...(rest > 0 ? [`and ${rest} more`] : [])].join("; ");
    out.push(`  ${(p.from ?? "?").padEnd(10)} .. ${(p.until ?? "").padEnd(10)}  ${p.holder}  (${basis})`);
  }
  out.push("", "Incidents");
  if (!h.incidents.length) out.push("  none");
  for (const i of h.incidents) {
    out.push(`  ${formatWindow(i.date)}  ${i.type}  ${i.status}${i.unconfirmed ? " (unconfirmed)" : ""}  ${i.id}  ${i.documents.length} report${i.documents.length === 1 ? "" : "s"}`);
    const roles = (i.roles ?? []).map((r) => `${r.role} ${r.actor}`);
    if (roles.length) out.push(`    ${roles.join("; ")}`);
    else if (i.actors.length) out.push(`    actors: ${i.actors.join(", ")}`);
    for (const c of i.counts) out.push(`    ${formatCount(c)}`, ...claimLines(c));
  }
  return out.join("\n");
}

export const register: RegisterCommand = (program, exit) => {
  program
    .command("facility")
    .argument("[name]", "facility id, name (a fragment is enough) or any alias (\"Gweiran\", \"Sinaa prison\"); omit to list every facility")
    .description("One facility over time: holders, incidents, and every figure's claims with sources and quotes.")
    .option("--db <path>", "database file or postgres:// URL (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .option("--json", "print the history as JSON")
    .action(async (name: string | undefined, opts: { db?: string; json?: boolean }) => {
      quietOnClosedPipe();
      const { facilityHistory, listFacilities } = await import("../../incidents/facilities.ts");
      const store = await existingStoreFrom(opts.db);
      try {
        if (name === undefined) {
          const all = await listFacilities(store);
          if (opts.json) console.log(JSON.stringify(all, null, 2));
          else for (const { facility, incidents } of all) console.log(`${String(incidents).padStart(5)}  ${formatSite({ facility, place: null })}  [${facility.id}]`);
          return;
        }
        const history = await facilityHistory(store, name);
        if (!history) {
          console.error(`escapewatch facility: ${FACILITY_ERRORS.notFound}: no facility matches "${name}"; run \`escapewatch facility\` to list them`);
          exit(1);
          return;
        }
        console.log(opts.json ? JSON.stringify(history, null, 2) : historyText(history));
      } finally {
        await store.close();
      }
    });
};
