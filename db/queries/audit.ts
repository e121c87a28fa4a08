import { desc, lt } from "drizzle-orm";
import { getDb } from "../client";
import { auditEvents } from "../schema";

export type AuditEvent = typeof auditEvents.$inferSelect;
export const AUDIT_PAGE = 100;

export function insertAuditEvent(event: Omit<AuditEvent, "id">) {
  getDb().insert(auditEvents).values(event).run();
}

export function listAuditEvents(beforeId?: number): AuditEvent[] {
  const query = getDb().select().from(auditEvents);
  return (beforeId ? query.where(lt(auditEvents.id, beforeId)) : query).orderBy(desc(auditEvents.id)).limit(AUDIT_PAGE).all();
}
