// A writer process for the concurrency test: adds `count` documents with mentions to the store
// at `path`, each in its own transaction, as an ingest run would.
// Usage: node --import tsx src/store/sqlite/concurrent-writer.ts PATH PREFIX COUNT
import { openStore } from "../open.ts";
import { makeDoc, makeMention, stored } from "../store.fixtures.ts";

const [path, prefix, count] = process.argv.slice(2);
const store = await openStore(path);
for (let i = 0; i < Number(count); i++) {
  const id = `${prefix}-${i}`;
  await store.addDocument(makeDoc(id), [stored(makeMention(id, `${id}-m`), `escape|${prefix}`)], []);
}
await store.close();
