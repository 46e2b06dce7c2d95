/**
 * Writes a Fetch response body to Express's response. Remix's own writer flushes the compressor
 * after every chunk, which ends a compressed block each time (a page in ~20 chunks cost ~13 ms
 * of flushing and compressed worse); here the compressor is flushed only when the body pauses —
 * the next chunk is not already waiting — so a page rendered in one go leaves in one stream
 * while server-sent events and other real streams still reach the browser as they come.
 */
import type { Response as ExpressResponse } from "express";

const PAUSED = Symbol("paused");
const nextTurn = () => new Promise<typeof PAUSED>((resolve) => setImmediate(resolve, PAUSED));

export async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse): Promise<void> {
  const reader = body.getReader();
  const flushable = res as ExpressResponse & { flush?: () => void };
  try {
    for (;;) {
      const reading = reader.read();
      let chunk = await Promise.race([reading, nextTurn()]);
      if (chunk === PAUSED) {
        flushable.flush?.();
        chunk = await reading;
      }
      if (chunk.done) break;
      res.write(chunk.value);
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}
