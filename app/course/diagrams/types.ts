/**
 * A lesson diagram: an SVG drawn by a React component from a record of localised strings.
 * Diagrams are rendered to static markup at build time (app/course/build/diagrams.ts), once per
 * locale, so the browser receives plain SVG and no diagram code.
 */
import type { ComponentType } from "react";

/** Every text record has these two keys: the accessible name and the screen-reader description. */
export const REQUIRED_DIAGRAM_KEYS = ["title", "desc"] as const;

export type DiagramText = Readonly<Record<string, string>>;

export interface DiagramProps {
  /** The strings of one locale (zh-Hant: derived from zh-Hans at build time). */
  text: DiagramText;
  /** Prefix for the ids inside the SVG (title, desc, arrow markers): unique on the page. */
  id: string;
}

export interface DiagramModule {
  /** Authored locales only; the build derives zh-Hant from zh-Hans. */
  text: { en: DiagramText; "zh-Hans": DiagramText };
  Diagram: ComponentType<DiagramProps>;
}
