// The one bounded body reader, for both servers: the node:http fast path (lib/server/) hands it
// an IncomingMessage's chunks, the Next route handler a Web ReadableStream's. Both are async
// iterables of byte chunks, so the limit and the error handling live here once.

/** Thrown when the caller went away mid-body (or the stream broke): their fault, not a 500 of ours. */
export class BodyReadError extends Error {}

/**
 * At most `limit` bytes of a body, or null when it is larger: at once, without reading, when
 * the declared Content-Length is over the limit; otherwise as soon as the bytes read pass it
 * (leaving the loop early ends the iteration, so the rest is never read). A one-chunk body is
 * returned as is, without a copy: that is nearly every alert.
 */
export async function readBodyBounded(
  chunks: AsyncIterable<Uint8Array> | null,
  declaredLength: string | null | undefined,
  limit: number,
): Promise<Uint8Array | null> {
  if (declaredLength != null && declaredLength !== "" && Number(declaredLength) > limit) return null;
  if (!chunks) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > limit) return null;
      parts.push(chunk);
    }
  } catch (error) {
    throw new BodyReadError(error instanceof Error ? error.message : String(error));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
}

/** A Web Request's body as chunks (Node's ReadableStream is async-iterable; TS's DOM lib omits it). */
export function webBodyChunks(request: Request): AsyncIterable<Uint8Array> | null {
  return request.body as unknown as AsyncIterable<Uint8Array> | null;
}
