/**
 * Where React's server renderer writes a page: straight into the response's body, one piece per
 * flush.
 *
 * React writes a document in 2 KB pieces (the class page, ~155 KB, in ~80) and calls flush() when
 * it has written all it can for now: once for the shell and once per streamed part. Through a
 * PassThrough and Remix's stream pump, every piece cost a stream write, an event, a pause and resume
 * every 16 KB, and a read on the other side (server/write-body.ts). Gathered here, the body has
 * one piece per flush: two or three for a page whose data is ready.
 */
type Listener = () => void;

/** The part of a Node Writable that React's renderToPipeableStream uses. */
export interface RenderDestination {
  write(chunk: Uint8Array): boolean;
  flush(): void;
  end(): void;
  destroy(error?: unknown): void;
  on(event: string, listener: Listener): RenderDestination;
}

export function renderBody(onFinished: () => void): { destination: RenderDestination; body: ReadableStream<Uint8Array> } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pieces: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  // React listens for "close" to abort the render when the reader goes away (a closed tab)
  const onClose: Listener[] = [];

  const finish = () => {
    if (finished) return;
    finished = true;
    onFinished();
  };
  const hand = () => {
    if (size === 0 || finished) return;
    controller.enqueue(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size));
    pieces = [];
    size = 0;
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      finish();
      for (const listener of onClose) listener();
    },
  });

  const destination: RenderDestination = {
    write(chunk) {
      // React does not touch a piece once written (it starts a new one), so it can wait here
      if (!finished) {
        pieces.push(chunk);
        size += chunk.byteLength;
      }
      return true;
    },
    flush: hand,
    end() {
      hand();
      if (finished) return;
      finish();
      controller.close();
    },
    destroy(error) {
      if (finished) return;
      finish();
      controller.error(error);
    },
    on(event, listener) {
      if (event === "close") onClose.push(listener);
      return destination;
    },
  };
  return { destination, body };
}
