// `escapewatch documents`: what the store holds, one line per document (or JSON with --json),
// streamed so a large store lists without loading it whole.
import type { DocumentSummary } from "../../store/store.ts";
import { exportedDocument } from "../../export/json.ts";
import { writeChunk } from "../../export/sink.ts";
import { existingStoreFrom } from "../options.ts";
import type { RegisterCommand } from "./index.ts";

/** Column widths of the table; longer ids and titles are cut with an ellipsis. */
export const TABLE_WIDTHS = { id: 28, published: 10, relevant: 8, length: 8, title: 60 } as const;

function fit(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width);
}

/** One table line: id, published, relevant, length, title. */
export function documentLine(doc: DocumentSummary): string {
  return [
    fit(doc.id, TABLE_WIDTHS.id),
    fit(doc.published ?? "-", TABLE_WIDTHS.published),
    fit(doc.relevant ? "yes" : "no", TABLE_WIDTHS.relevant),
    String(doc.length).padStart(TABLE_WIDTHS.length),
    fit(doc.title ?? "-", TABLE_WIDTHS.title).trimEnd(),
  ].join("  ");
}

export const TABLE_HEADER = [
  fit("id", TABLE_WIDTHS.id),
  fit("published", TABLE_WIDTHS.published),
  fit("relevant", TABLE_WIDTHS.relevant),
  "length".padStart(TABLE_WIDTHS.length),
  "title",
].join("  ");

export const register: RegisterCommand = (program) => {
  program
    .command("documents")
    .description("List the stored documents: id, published day, relevance, length, title")
    .option("--db <path>", "database file or postgres:// URL (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .option("--json", "print a JSON array (the export's document fields plus length and contentHash)")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await existingStoreFrom(opts.db);
      const out = process.stdout;
      try {
        if (opts.json) {
          let separator = "\n";
          await writeChunk(out, "[");
          for await (const doc of store.iterateDocuments()) {
            const line = { ...exportedDocument(doc), length: doc.length, contentHash: doc.contentHash, ingestedAt: doc.ingestedAt };
            await writeChunk(out, separator + JSON.stringify(line));
            separator = ",\n";
          }
          await writeChunk(out, "\n]\n");
        } else {
          await writeChunk(out, `${TABLE_HEADER}\n`);
          let count = 0;
          for await (const doc of store.iterateDocuments()) {
            await writeChunk(out, `${documentLine(doc)}\n`);
            count++;
          }
          await writeChunk(out, `${count} document${count === 1 ? "" : "s"}\n`);
        }
      } finally {
        await store.close();
      }
    });
};
