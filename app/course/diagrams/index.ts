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
import whoIsResponsible from "./who-is-responsible";
import whyModelsMakeThingsUp from "./why-models-make-things-up";
import type { DiagramModule } from "./types";

export const DIAGRAMS: Readonly<Record<string, DiagramModule>> = {
  "predict-append-loop": predictAppendLoop,
  "training-stages": trainingStages,
  // lessons 05-07 (course-b)
  "why-models-make-things-up": whyModelsMakeThingsUp,
  "calibration-curves": calibrationCurves,
  "prompt-anatomy": promptAnatomy,
  "iterate-loop": iterateLoop,
  "should-i-use-ai": shouldIUseAi,
  "who-is-responsible": whoIsResponsible,
};
