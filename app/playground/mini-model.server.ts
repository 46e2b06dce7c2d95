/**
 * The trained mini model, loaded once per process from build/mini-model.json (written by
 * scripts/build-mini-model.ts). Resolved from process.cwd(), not import.meta.url: after
 * `remix build` this code runs from build/index.js (docs/stack.md, trap 4).
 */
import fs from "node:fs";
import path from "node:path";
import { createMiniModelProvider, parseMiniModel, type MiniModelData } from "./mini-model-engine.server";
import type { ChatProvider } from "./provider";

export const MINI_MODEL_FILE = path.join("build", "mini-model.json");

let model: MiniModelData | undefined;
let provider: ChatProvider | undefined;

/** The model; throws with a hint when the file was never built. */
export function getMiniModel(): MiniModelData {
  if (model) return model;
  const file = path.resolve(process.cwd(), MINI_MODEL_FILE);
  let json: string;
  try {
    json = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`mini model not found at ${file}: run \`npx tsx scripts/build-mini-model.ts\``, {
      cause: error,
    });
  }
  model = parseMiniModel(json);
  return model;
}

/** Pieces arrive a little apart, like a real stream: the pause is for the reader's eye. */
let tokenDelayMs = 25;

/** The playground's offline provider. */
export function getMiniModelProvider(): ChatProvider {
  provider ??= createMiniModelProvider(getMiniModel(), { tokenDelayMs });
  return provider;
}

/**
 * The pause between pieces. The integration suites set 0: they read what the pipeline does, not
 * how a reply looks arriving, and 25 ms a piece made each offline exchange take 0.2–0.8 s.
 */
export function paceMiniModel(ms: number): void {
  tokenDelayMs = ms;
  provider = undefined;
}
