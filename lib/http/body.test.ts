import http from "node:http";
import { type AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyReadError, readBodyBounded, webBodyChunks } from "./body";

const LIMIT = 16;

async function* chunks(...parts: (Uint8Array | Error)[]) {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield part;
  }
}

describe("readBodyBounded", () => {
  it("returns a one-chunk body as is, without a copy, and joins several", async () => {
    const only = Buffer.from('{"a":1}');
    expect(await readBodyBounded(chunks(only), "7", LIMIT)).toBe(only);
    expect(Buffer.from((await readBodyBounded(chunks(Buffer.from("ab"), Buffer.from("cd")), null, LIMIT))!).toString()).toBe("abcd");
    expect((await readBodyBounded(chunks(), null, LIMIT))?.byteLength).toBe(0);
    expect((await readBodyBounded(null, null, LIMIT))?.byteLength).toBe(0);
  });

  it("answers null without reading when the declared length is over the limit", async () => {
    let pulled = false;
    const lazy = (async function* () {
      pulled = true;
      yield Buffer.from("x");
    })();
    expect(await readBodyBounded(lazy, String(LIMIT + 1), LIMIT)).toBeNull();
    expect(pulled).toBe(false);
  });

  it("stops reading as soon as the bytes pass the limit, whatever was declared", async () => {
    let pulls = 0;
    const endless = (async function* () {
      for (;;) {
        pulls++;
        yield Buffer.alloc(10);
      }
    })();
    expect(await readBodyBounded(endless, "4", LIMIT)).toBeNull();
    expect(pulls).toBe(2);
    expect(await readBodyBounded(chunks(Buffer.alloc(LIMIT)), null, LIMIT)).not.toBeNull();
  });

  it("turns a broken stream into a BodyReadError", async () => {
    await expect(readBodyBounded(chunks(Buffer.from("a"), new Error("aborted")), null, LIMIT)).rejects.toBeInstanceOf(BodyReadError);
  });

  it("reads a Web Request body, and cancels one that is too large", async () => {
    const ok = new Request("http://x/", { method: "POST", body: '{"a":1}' });
    expect(Buffer.from((await readBodyBounded(webBodyChunks(ok), null, LIMIT))!).toString()).toBe('{"a":1}');
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(10)),
      cancel: () => {
        cancelled = true;
      },
    });
    const big = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readBodyBounded(webBodyChunks(big), null, LIMIT)).toBeNull();
    expect(cancelled).toBe(true);
    const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("gone")) });
    await expect(
      readBodyBounded(
        webBodyChunks(new Request("http://x/", { method: "POST", body: broken, duplex: "half" } as RequestInit)),
        null,
        LIMIT,
      ),
    ).rejects.toBeInstanceOf(BodyReadError);
  });
});

describe("readBodyBounded on node:http", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server that reads like lib/server/main.ts and reports what it got. */
  function serve(onResult: (result: Uint8Array | null | BodyReadError) => void) {
    server = http.createServer((req, res) => {
      readBodyBounded(req.iterator({ destroyOnReturn: false }), req.headers["content-length"], LIMIT).then(
        (body) => {
          onResult(body);
          res.writeHead(body ? 200 : 413, { connection: "close" }).end(body ? Buffer.from(body) : "too large");
        },
        (error) => onResult(error),
      );
    });
    return new Promise<number>((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
  }

  const post = (port: number, body: string) =>
    fetch(`http://127.0.0.1:${port}/`, { method: "POST", body }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it("reads a body, and still answers (413) after refusing a large one", async () => {
    const port = await serve(() => {});
    expect(await post(port, '{"a":1}')).toEqual({ status: 200, text: '{"a":1}' });
    expect(await post(port, "x".repeat(100_000))).toMatchObject({ status: 413, text: "too large" });
  });

  it("a client that goes away mid-body is a BodyReadError", async () => {
    const result = new Promise<unknown>(
      (resolve) =>
        void serve(resolve).then((port) => {
          const socket = new Socket();
          socket.connect(port, "127.0.0.1", () => {
            socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"a"');
            setTimeout(() => socket.destroy(), 50);
          });
        }),
    );
    expect(await result).toBeInstanceOf(BodyReadError);
  });
});
