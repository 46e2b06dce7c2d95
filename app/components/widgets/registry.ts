/**
 * The lesson widgets, each loaded on demand: `widgetLoaders[name]()` is a dynamic import, so each
 * widget is its own chunk and a step downloads only the widgets it uses. Until (and unless) the
 * chunk arrives, the lesson shows `WidgetFallback` (fallbacks.tsx), which teaches without
 * JavaScript.
 */
import type { ComponentType } from "react";
import type { WidgetName } from "~/course/types";
import widgetStylesHref from "~/styles/widgets.css";

export interface WidgetProps {
  name: WidgetName;
  /** The directive's extra attributes, e.g. `prompt` for next-token, `focus` for context-window. */
  props: Record<string, string>;
  lessonSlug: string;
  /**
   * The compiled lesson's `data` (preferences, constitution), plus what the lesson loader adds:
   * `calibrationPoints` (the learner's answers per confidence level) and `widgetServer`
   * (server-computed examples for the fallbacks, from `widgetServerData` in server-data.server.ts).
   */
  data: Record<string, unknown>;
}

type WidgetModule = { default: ComponentType<WidgetProps> };

export const widgetLoaders: Record<WidgetName, () => Promise<WidgetModule>> = {
  tokenizer: () => import("./tokenizer"),
  "next-token": () => import("./next-token"),
  "context-window": () => import("./context-window"),
  "preference-lab": () => import("./preference-lab"),
  "constitution-lab": () => import("./constitution-lab"),
  calibration: () => import("./calibration"),
};

/** The widgets' stylesheet (also styles the fallbacks): add it to the lesson route's `links`. */
export const widgetStyles = widgetStylesHref;
