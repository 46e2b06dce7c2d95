import { createElement, Suspense, type ReactNode } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import type { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderBody } from "../../app/utils/render-body.server";

/** Reads a body to its end: the pieces as they came, and the whole text. */
async function readAll(body: ReadableStream<Uint8Array>): Promise<{ pieces: number; text: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pieces = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { pieces, text };
    pieces++;
    text += decoder.decode(value, { stream: true });
  }
}

function render(tree: ReactNode, onFinished = () => {}) {
  const { destination, body } = renderBody(onFinished);
  const errors: unknown[] = [];
  const { pipe } = renderToPipeableStream(tree, {
    onShellReady: () => pipe(destination as unknown as Writable),
    onError: (error) => void errors.push(error),
  });
  return { body, errors };
}

const row = (i: number) => createElement("li", { key: i, className: "cell" }, `Student ${i}`, createElement("span", null, "Completed"));

describe("renderBody: React's writes reach the response one piece per flush", () => {
  it("sends a big page that is ready at once in one piece, whole", async () => {
    // ~150 KB: React writes it in 2 KB views
    const items = Array.from({ length: 4000 }, (_, i) => row(i));
    let finished = 0;
    const { body, errors } = render(createElement("ul", null, items), () => finished++);
    const { pieces, text } = await readAll(body);
    expect(errors).toEqual([]);
    expect(text.length).toBeGreaterThan(100_000);
    expect(pieces).toBe(1);
    // every byte, in order: what React renders to one string
    expect(text).toBe(renderToString(createElement("ul", null, items)));
    expect(finished).toBe(1);
  });

  it("sends Chinese text whole: no zero bytes where a character did not fit at the end of React's 2 KB piece", async () => {
    // React 18's writer sends its whole 2 KB view when the next character does not fit in what
    // is left of it, zeros and all (react#24985); in a script or an attribute the browser reads
    // each zero as U+FFFD. One ASCII letter more per line moves each seam to another byte.
    const lines = Array.from({ length: 300 }, (_, i) => createElement("p", { key: i, title: `第${i}行` }, `${"a".repeat(i % 7)}大语言模型一次预测一个词元。`));
    const { body } = render(createElement("div", null, lines));
    const reader = body.getReader();
    const bytes: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes.push(...r.value);
    expect(bytes.includes(0)).toBe(false);
    expect(Buffer.from(bytes).toString("utf8")).toBe(renderToString(createElement("div", null, lines)));
  });

  it("sends a part that waits on data as its own piece, when it is ready", async () => {
    let resolve!: () => void;
    const ready = new Promise<void>((r) => (resolve = r));
    let done = false;
    function Later() {
      if (!done) throw ready.then(() => void (done = true));
      return createElement("p", null, "the data");
    }
    const { body } = render(createElement("main", null, createElement("h1", null, "Shell"), createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(Later))));
    const reader = body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("Shell");
    expect(first).toContain("loading");
    expect(first).not.toContain("the data");
    resolve();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain("the data");
  });

  it("stops the render when the body's reader gives up on it", async () => {
    const never = new Promise<void>(() => {});
    function Waits(): ReactNode {
      throw never;
    }
    let finished = 0;
    const { body, errors } = render(
      createElement("main", null, createElement(Suspense, { fallback: "…" }, createElement(Waits))),
      () => finished++,
    );
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    // React aborts the pending part and reports why
    expect(errors.map(String).join()).toMatch(/closed early/);
    expect(finished).toBe(1);
  });
});
