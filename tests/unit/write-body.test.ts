/**
 * The response writer flushes the compressor only when the body pauses: a page rendered in one
 * go leaves as one compressed stream (Remix's writer flushed after every chunk), while a body
 * that waits between chunks (a real stream) still reaches the browser chunk by chunk.
 */
import type { Response as ExpressResponse } from "express";
import { describe, expect, it } from "vitest";
import { writeBody } from "../../server/write-body";

function fakeResponse() {
  const log: string[] = [];
  const res = {
    write: (chunk: Uint8Array) => log.push(`write ${new TextDecoder().decode(chunk)}`),
    flush: () => log.push("flush"),
    end: () => log.push("end"),
    destroy: () => log.push("destroy"),
  };
  return { res: res as unknown as ExpressResponse, log };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("writeBody", () => {
  it("does not flush between chunks that are already there", async () => {
    const { res, log } = fakeResponse();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of ["<html>", "<body>", "</html>"]) controller.enqueue(bytes(part));
        controller.close();
      },
    });
    await writeBody(body, res);
    expect(log).toEqual(["write <html>", "write <body>", "write </html>", "end"]);
  });

  it("flushes what it has when the body pauses", async () => {
    const { res, log } = fakeResponse();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes("first"));
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(bytes("second"));
        controller.close();
      },
    });
    await writeBody(body, res);
    expect(log).toEqual(["write first", "flush", "write second", "end"]);
  });
});
