import type { Block } from "./types";

export type TryItBlock = Extract<Block, { t: "tryit" }>;

/** Every try-it among these blocks, also inside callouts, quotes and lists, in reading order. */
export function tryItBlocks(blocks: readonly Block[]): TryItBlock[] {
  return blocks.flatMap((b) =>
    b.t === "tryit" ? [b] : b.t === "callout" || b.t === "quote" ? tryItBlocks(b.c) : b.t === "ul" || b.t === "ol" ? b.items.flatMap(tryItBlocks) : [],
  );
}
