import { Worker } from "node:worker_threads";
import type { Db } from "./client";

// SQLite in WAL mode copies the log back into the database file (a checkpoint) every 1,000
// pages, inside whichever commit crosses the line, and fsyncs while doing it: during a flood of
// alerts that stalled the event loop for milliseconds at a time (the profile of `npm run bench`
// put a third of the accept path's time in commits). A worker thread with its own connection
// checkpoints instead, a few times a second, so commits only append to the log. PASSIVE never
// waits for or blocks a writer. The server's own connection keeps a high automatic threshold as
// a backstop, should this thread ever stop.
const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000;

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 1000");
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
}, workerData.everyMs);
`;

/** Checkpoints `db`'s file from a worker thread; `db` itself only checkpoints as a backstop. */
export function startCheckpointer(db: Db, everyMs = 250): void {
  db.$client.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const worker = new Worker(SOURCE, { eval: true, workerData: { file: db.$client.name, everyMs } });
  worker.on("message", (message) => console.warn(`[alimi] background checkpoint failed: ${message}`));
  worker.on("error", (error) => console.warn(`[alimi] background checkpointer stopped: ${error.message}`));
  worker.unref();
}
