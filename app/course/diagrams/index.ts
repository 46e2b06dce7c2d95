/**
 * The diagrams lessons may place with `::diagram{name="…"}`: name → module. Imported only by the
 * course build (never by a route), so diagram code never reaches the browser.
 * To add one: write <name>.tsx (see predict-append-loop.tsx) and list it here.
 */
import calibrationCurves from "./calibration-curves";
import iterateLoop from "./iterate-loop";
import predictAppendLoop from "./predict-append-loop";
import promptAnatomy from "./prompt-anatomy";
import shouldIUseAi from "./should-i-use-ai";
import trainingStages from "./training-stages";
import tokenPieces from "./token-pieces";
import bpeMerges from "./bpe-merges";
import rlhfSteps from "./rlhf-steps";
import feedbackMethods from "./feedback-methods";
import attentionCost from "./attention-cost";
import needleGrid from "./needle-grid";
import whoIsResponsible from "./who-is-responsible";
import whyModelsMakeThingsUp from "./why-models-make-things-up";
import type { DiagramModule } from "./types";

export const DIAGRAMS: Readonly<Record<string, DiagramModule>> = {
  "predict-append-loop": predictAppendLoop,
  "training-stages": trainingStages,
  "token-pieces": tokenPieces,
  "bpe-merges": bpeMerges,
  "rlhf-steps": rlhfSteps,
  "feedback-methods": feedbackMethods,
  "attention-cost": attentionCost,
  "needle-grid": needleGrid,
  // lessons 05-07 (course-b)
  "why-models-make-things-up": whyModelsMakeThingsUp,
  "calibration-curves": calibrationCurves,
  "prompt-anatomy": promptAnatomy,
  "iterate-loop": iterateLoop,
  "should-i-use-ai": shouldIUseAi,
  "who-is-responsible": whoIsResponsible,
};
