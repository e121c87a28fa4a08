// Building blocks for the answers of every messenger (answers.ts, answers-cards.ts).

export interface RawAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export const text = (status: number, body: string): RawAnswer => ({
  status,
  body,
  headers: { "content-type": "text/plain; charset=utf-8" },
});

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): RawAnswer => ({
  status,
  body: JSON.stringify(value),
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
});

export function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const nonEmptyArray = (v: unknown) => Array.isArray(v) && v.length > 0;
export const nonEmptyString = (v: unknown) => typeof v === "string" && v.length > 0;
