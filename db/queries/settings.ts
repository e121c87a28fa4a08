import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { prepared } from "../prepared";
import { workspaceSettings } from "../schema";

export type WorkspaceSettings = Omit<typeof workspaceSettings.$inferSelect, "id" | "updatedAt">;

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  notifyMessageSubmitted: true,
  notifySessionWaiting: true,
  notifySessionAssigned: true,
  alertLocale: "ko",
  timeZone: "Asia/Seoul",
  failureAlertDestinationId: null,
};

export function getSettings(): WorkspaceSettings {
  const row = prepared(getDb(), "settings", (db) => db.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1)).prepare()).get();
  if (!row) return DEFAULT_SETTINGS;
  const { id: _id, updatedAt: _updated, ...settings } = row;
  return settings;
}

/** Saves the given settings, keeping the others as they are. */
export function saveSettings(changes: Partial<WorkspaceSettings>) {
  const values = { ...getSettings(), ...changes, updatedAt: Date.now() };
  getDb()
    .insert(workspaceSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: workspaceSettings.id, set: values })
    .run();
}
