import { z } from "zod";

// Inputs of the small one-button actions (switch, 삭제, 재전송, 폐기). The buttons send ids the
// page rendered, so a bad one means a tampered or stale page: "form.unexpected", never a throw.

const textId = z.string().min(1).max(64);

export const textIdInput = z.object({ id: textId });

export const numericIdInput = z.object({ id: z.number().int().positive() });

/** 사용 on/off from the list. */
export const toggleInput = z.object({ id: textId, enabled: z.boolean() });

/** 다시 사용, optionally discarding what waited. */
export const resumeInput = z.object({ id: textId, discard: z.boolean() });

/** 실패 알림: a destination id, or "" for none. */
export const optionalIdInput = z.object({ id: z.union([z.literal(""), textId]) });
