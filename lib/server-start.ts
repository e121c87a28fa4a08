import { startCheckpointer } from "@/db/checkpointer";
import { getDb } from "@/db/client";
import { encryptPlaintextWebhooks } from "@/db/queries/destinations";
import { countUsers, insertFirstUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { setupSchema } from "@/lib/auth/schemas";
import { deliveryWorker } from "@/lib/delivery/worker";
import { appBaseUrl, databasePath, initialAdmin } from "@/lib/env";

/** Opens the database (applying migrations) and creates the first admin from env if asked. */
export async function prepareServer(): Promise<void> {
  // Both the production server (lib/server/) and Next's instrumentation hook call this, each from
  // its own bundle: only the first call does the work.
  const flags = globalThis as unknown as { __alimiPrepared?: Promise<void> };
  flags.__alimiPrepared ??= prepare();
  return flags.__alimiPrepared;
}

async function prepare(): Promise<void> {
  const started = Date.now();
  startCheckpointer(getDb());
  const encrypted = encryptPlaintextWebhooks();
  console.log(`[alimi] database ready at ${databasePath()} (${Date.now() - started} ms)`);
  if (encrypted > 0) console.log(`[alimi] encrypted ${encrypted} webhook URL(s) saved in plain text by an older version`);

  const admin = initialAdmin();
  if (admin && countUsers() === 0) {
    const parsed = setupSchema.safeParse({ ...admin, passwordConfirm: admin.password });
    if (!parsed.success) {
      console.error("[alimi] ADMIN_EMAIL/ADMIN_PASSWORD ignored: a valid e-mail and a password of 10+ characters are needed.");
    } else if (insertFirstUser(parsed.data.email, await hashPassword(parsed.data.password))) {
      console.log(`[alimi] created the first admin ${parsed.data.email} from ADMIN_EMAIL`);
    }
  }
  // Deliveries left unfinished by a previous run (or by a crash) resume now, through the same
  // pacing and digests as live traffic, so a backlog never arrives as a flood.
  const worker = deliveryWorker();
  worker.wake();
  process.once("SIGTERM", () => worker.shutdown());
  process.once("SIGINT", () => worker.shutdown());
  process.once("exit", () => worker.releaseClaims());

  if (countUsers() === 0) {
    console.log(`[alimi] no admin yet: open ${appBaseUrl()}/setup to create the first one.`);
  } else {
    console.log(`[alimi] sign in at ${appBaseUrl()}/login`);
  }
}
