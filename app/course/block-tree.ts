/**
 * Walking compiled blocks: which blocks hold other blocks. One place, so a new container block
 * (callout, predict, discuss…) is found by every walker at once: placed checks, try-its, the
 * step rules.
 */
import type { Block, Inline } from "./types";

/** The block lists directly inside a block (none for a leaf). */
export function innerBlockLists(block: Block): ReadonlyArray<readonly Block[]> {
  switch (block.t) {
    case "callout":
    case "quote":
    case "discuss":
      return [block.c];
    case "predict":
      return [block.c, block.reveal];
    case "ul":
    case "ol":
      return block.items;
    default:
      return [];
  }
}

/** Every block of a tree, depth first, in reading order. */
export function* allBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    for (const inner of innerBlockLists(block)) yield* allBlocks(inner);
  }
}

/** The text a reader sees in a run of inlines: citations (a "[2]" link) are not text. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.t) {
        case "text":
        case "code":
          return inline.v;
        case "strong":
        case "em":
        case "link":
          return inlineText(inline.c);
        case "br":
          return "\n";
        case "cite":
          return "";
      }
    })
    .join("");
}
