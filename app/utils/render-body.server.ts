/**
 * Where React's server renderer writes a page: straight into the response's body, one piece per
 * flush.
 *
 * React writes a document in 2 KB pieces (the class page, ~155 KB, in ~80) and calls flush() when
 * it has written all it can for now: once for the shell and once per streamed part. Through a
 * PassThrough and Remix's stream pump, every piece cost a stream write, an event, a pause and resume
 * every 16 KB, and a read on the other side (server/write-body.ts). Gathered here, the body has
 * one piece per flush: two or three for a page whose data is ready.
 *
 * `cancel` (the body's reader giving up: an outage answer, a failed page) aborts the render.
 * A closed tab does not reach it: `write-body.ts` goes on reading to the end, and the render ends
 * at the latest when entry.server's timer aborts it.
 */
type Listener = () => void;

/** The size of React 18's write buffer (VIEW_SIZE in react-dom/server's Node build). */
const REACT_VIEW_BYTES = 2048;

/**
 * React 18.3 sends its whole 2 KB buffer when the next character of a string does not fit in
 * what is left of it, the unwritten zeros included (react#24985; fixed in React 19): up to three
 * zero bytes, fewer than a UTF-8 character's, after the last one written. Chinese pages met it
 * every few kilobytes, and a browser reads a zero in a script or an attribute as U+FFFD. A page
 * never holds one of its own (HTML has no NUL, and the forms refuse it), so they are cut here.
 */
function withoutUnwrittenTail(piece: Uint8Array): Uint8Array {
  if (piece.byteLength !== REACT_VIEW_BYTES || piece[REACT_VIEW_BYTES - 1] !== 0) return piece;
  let end = REACT_VIEW_BYTES;
  while (end > REACT_VIEW_BYTES - 3 && piece[end - 1] === 0) end--;
  return piece.subarray(0, end);
}

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
  // React listens for "close" to abort the render when the body's reader gives up on it
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
        const piece = withoutUnwrittenTail(chunk);
        pieces.push(piece);
        size += piece.byteLength;
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
