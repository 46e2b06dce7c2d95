/**
 * The diagrams lessons may place with `::diagram{name="…"}`: name → module. Imported only by the
 * course build (never by a route), so diagram code never reaches the browser.
 * To add one: write <name>.tsx (see predict-append-loop.tsx) and list it here.
 */
import predictAppendLoop from "./predict-append-loop";
import trainingStages from "./training-stages";
import type { DiagramModule } from "./types";

export const DIAGRAMS: Readonly<Record<string, DiagramModule>> = {
  "predict-append-loop": predictAppendLoop,
  "training-stages": trainingStages,
};
