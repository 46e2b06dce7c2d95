/**
 * Writes a Fetch response body to Express's response.
 *
 * Most answers (pages, data requests, small files) are finished in one go: they are gathered,
 * compressed in one call and sent as one buffer with its length. Streaming them through the
 * compression middleware cost a zlib stream, hops to the thread pool and a socket write per
 * compressed piece for every request (decision 024). Remix's own writer also flushed the
 * compressor after every chunk (~13 ms for a page in ~20 chunks, and worse compression).
 *
 * A body larger than ONE_PIECE_MAX (a big page or export) or one that pauses (server-sent events, a
 * reply streamed from the model) goes out as it comes, through the compression middleware,
 * which is flushed only when the body pauses — the next chunk is not already waiting.
 */
import zlib from "node:zlib";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { pickEncoding } from "./compressed-assets";

const PAUSED = Symbol("paused");
const nextTurn = () => new Promise<typeof PAUSED>((resolve) => setImmediate(resolve, PAUSED));
/**
 * How many turns of the event loop without a chunk make a body "paused". One was too few: React's
 * server renderer schedules its work with setImmediate and the page's data script follows a
 * promise, so most documents (the empty page in every request of the benchmark) looked paused
 * and went through the zlib stream (~0.5 ms a page more) without ever waiting on anything.
 */
const PAUSE_TURNS = 4;

/**
 * Larger bodies are streamed: a big export never sits whole in the heap, and a big page (the
 * class page, ~280 KB) is compressed while it is still being rendered instead of after (its
 * median: 54 ms in one piece, 49 ms streamed, one run each on a quiet machine).
 */
const ONE_PIECE_MAX = 128 * 1024;
/** Below this, compressing costs more than the bytes it saves (the middleware's threshold too). */
const COMPRESS_MIN = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|x-ndjson)|image\/svg\+xml)/i;
/**
 * Brotli for answers made per request, here and in the compression middleware (server/http.ts):
 * its default 4 MB window made every page allocate and free megabytes (full GCs, a third of the
 * throughput); 256 KB (lgwin 18) holds any page we send. Quality 3: a lesson page (35 KB) in
 * 0.13 ms instead of 0.28 ms at quality 4, for 8.6 KB instead of 8.1 KB; the class page (200 KB)
 * 0.63 instead of 0.99 ms, 20 KB instead of 18.5 KB (1,000 runs each). Gzip keeps its default
 * level 6 for older browsers.
 */
export const PAGE_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } };

/** Server-sent events: never gathered or compressed, each event reaches the browser as it comes. */
export const isEventStream = (contentType: string | null | undefined): boolean => /text\/event-stream/i.test(contentType ?? "");

export async function writeBody(body: ReadableStream<Uint8Array>, req: ExpressRequest, res: ExpressResponse): Promise<void> {
  const reader = body.getReader();
  const streaming = isEventStream(String(res.getHeader("Content-Type") ?? ""));
  try {
    const gathered: Uint8Array[] = [];
    let size = 0;
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
    while (!streaming && size <= ONE_PIECE_MAX) {
      const reading = reader.read();
      let chunk: ReadableStreamReadResult<Uint8Array> | typeof PAUSED = PAUSED;
      for (let turn = 0; turn < PAUSE_TURNS && chunk === PAUSED; turn++) chunk = await Promise.race([reading, nextTurn()]);
      if (chunk === PAUSED) {
        pending = reading; // the body paused: it is a real stream, and goes out as it comes
        break;
      }
      if (chunk.done) return sendWhole(Buffer.concat(gathered, size), req, res);
      gathered.push(chunk.value);
      size += chunk.value.byteLength;
    }
    for (const chunk of gathered) res.write(chunk);
    await stream(reader, res, pending);
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

function sendWhole(whole: Buffer, req: ExpressRequest, res: ExpressResponse): void {
  const encoding = compressible(res, whole.length) ? pickEncoding(req.headers["accept-encoding"]) : null;
  if (encoding) {
    // the compression middleware leaves an answer alone once it has a Content-Encoding
    whole = encoding === "br" ? zlib.brotliCompressSync(whole, PAGE_BROTLI) : zlib.gzipSync(whole);
    res.setHeader("Content-Encoding", encoding);
    res.vary("Accept-Encoding");
  }
  res.setHeader("Content-Length", whole.length);
  res.end(whole);
}

function compressible(res: ExpressResponse, length: number): boolean {
  return (
    length >= COMPRESS_MIN &&
    !res.hasHeader("Content-Encoding") &&
    COMPRESSIBLE.test(String(res.getHeader("Content-Type") ?? "")) &&
    !/\bno-transform\b/.test(String(res.getHeader("Cache-Control") ?? ""))
  );
}

async function stream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  res: ExpressResponse,
  pending: Promise<ReadableStreamReadResult<Uint8Array>> | null,
): Promise<void> {
  const flushable = res as ExpressResponse & { flush?: () => void };
  for (;;) {
    const reading = pending ?? reader.read();
    pending = null;
    let chunk = await Promise.race([reading, nextTurn()]);
    if (chunk === PAUSED) {
      flushable.flush?.();
      chunk = await reading;
    }
    if (chunk.done) break;
    res.write(chunk.value);
  }
  res.end();
}
