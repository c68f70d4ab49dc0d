// `escapewatch extract FILE... [--json] [--published DAY]`: runs cleaning and extraction without a
// store and prints every mention with its rule ids and offsets, to see why a fact was found.
import type { Doc } from "../../model/doc.ts";
import type { IncidentMention } from "../../model/incident.ts";
import type { InputFile } from "../../ingest/files.ts";
import { formatRejection, rejection } from "../../ingest/errors.ts";
import type { RegisterCommand } from "./index.ts";

export const register: RegisterCommand = (program, exit) => {
  program
    .command("extract")
    .description("print the incident mentions found in FILE(s), with rule ids and character offsets")
    .argument("<paths...>", "files or folders, as for ingest")
    .option("--json", "print JSON (documents with cleaned text, segments, annotations and mentions)")
    .option("--published <day>", "publication date for inputs that carry none (YYYY-MM-DD)")
    .action(async (paths: string[], opts: { json?: boolean; published?: string }) => {
      const [{ extract }, { listInputs }, { prepareDocument, recordsOf }] = await Promise.all([
        import("../../extract/pipeline.ts"),
        import("../../ingest/files.ts"),
        import("../../ingest/pipeline.ts"),
      ]);
      const results: Array<{ doc: Doc; mentions: IncidentMention[] }> = [];
      for (const input of await listInputs(paths)) {
        if (!("kind" in input)) {
          console.error(formatRejection(rejection(input.path, input.error)));
          exit(1);
          continue;
        }
        for await (const item of recordsOf(input as InputFile, () => {})) {
          if ("code" in item) {
            console.error(formatRejection(item));
            exit(1);
            continue;
          }
          try {
            const doc = prepareDocument(item, { fallbackPublished: opts.published ?? null });
            results.push({ doc, mentions: extract(doc).mentions });
          } catch (error) {
            console.error(`rejected ${item.origin}: ${(error as Error).message}`);
            exit(1);
          }
        }
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(results, null, 2) + "\n");
        return;
      }
      for (const { doc, mentions } of results) {
        console.log(`${doc.id}  published ${doc.published ?? "?"}  segments ${doc.segments.map((s) => (s.relevant ? "R" : "-")).join("")}`);
        for (const m of mentions) console.log(describe(doc, m));
      }
    });
};

function describe(doc: Doc, m: IncidentMention): string {
  const where = m.facility?.name ?? m.place?.name ?? "?";
  const when = m.date ? (m.date.earliest === m.date.latest ? m.date.earliest : `${m.date.earliest}..${m.date.latest}`) : "?";
  const lines = [`  ${m.type}${m.modality === "occurred" ? "" : ` (${m.modality})`} at ${where} on ${when}  [${m.trigger.rule} @${m.trigger.start}-${m.trigger.end} "${doc.text.slice(m.trigger.start, m.trigger.end)}"]`];
  for (const c of m.counts) {
    for (const claim of c.claims) {
      const value = claim.high === claim.low ? `${claim.low}` : `${claim.low}–${claim.high ?? "∞"}`;
      lines.push(`    ${c.quantity}${c.group ? `/${c.group}` : ""} ${value} by ${claim.source ?? "unattributed"}  [${claim.rule} @${claim.start}-${claim.end}]`);
    }
  }
  return lines.join("\n");
}
