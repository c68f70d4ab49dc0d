// Loading the pipeline when the server starts, so the first POST costs what the tenth does: the
// modules, the curated lexicon, the world-cities index, chrono's parsers, the part-of-speech model
// and the HTML cleaner are all loaded (and their code compiled) on a first use. Two short reports
// of our own, one as text and one as HTML, are posted to an app of their own (the same routes,
// body parsing and pipeline) over a throwaway in-memory store. The server passes its extraction
// pool, so its worker thread is started and loaded too, not only this thread's half of the path.
import { randomBytes } from "node:crypto";
import type { DocumentStages } from "../ingest/stages.ts";
import { openStore } from "../store/open.ts";
import { createApp } from "./app.ts";

const TOKEN_BYTES = 16;

const WARM_UP_TEXT =
  "MAIDUGURI, May 6, 2024 - Gunmen attacked the Maiduguri Maximum Security Custodial Centre on Sunday night " +
  "and 31 inmates escaped, a prison service spokesman said on Monday. Soldiers recaptured 12 of them by Monday evening, " +
  "the spokesman said.";

const WARM_UP_HTML =
  "<html><head><title>Inmates escape after attack</title></head><body><article><h1>Inmates escape after attack</h1>" +
  "<p>HASAKAH, Syria, June 2, 2024 - Fighters stormed Ghwayran prison in Hasakah late on Saturday and at least 18 " +
  "detainees escaped, the Syrian Democratic Forces said in a statement on Sunday.</p>" +
  "<p>A spokesman for the force said that nine of the escapees had been caught again in nearby neighbourhoods.</p>" +
  "</article></body></html>";

/** As a client posts them (the JSON fields of `ingest`). */
const WARM_UP_RECORDS = [
  { id: "warm-up-text", published: "2024-05-06", text: WARM_UP_TEXT },
  { id: "warm-up-html", published: "2024-06-02", html: WARM_UP_HTML },
];

/**
 * Posts the warm-up reports to an app of their own over an in-memory store, cleaned and extracted
 * in `stages` (the server's pool; this thread without one); resolves to the seconds it took.
 */
export async function warmPipeline(stages?: DocumentStages): Promise<number> {
  const started = process.hrtime.bigint();
  const token = randomBytes(TOKEN_BYTES).toString("hex");
  const store = await openStore(":memory:");
  try {
    const app = createApp({ store, token, readToken: null, webRoot: null, stages });
    for (const record of WARM_UP_RECORDS) {
      const response = await app.request("/api/documents", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(record),
      });
      if (!response.ok) throw new Error(`warming the pipeline: ${record.id} answered ${response.status} ${await response.text()}`);
    }
  } finally {
    await store.close();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
