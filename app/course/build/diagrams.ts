/**
 * `::diagram{name}` at build time: checks the diagram exists with the same text keys in both
 * authored languages, and renders it to static SVG markup per locale (zh-Hant text derived from
 * zh-Hans). The compiled lesson stores the markup, so a diagram costs the browser no JavaScript.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DIAGRAMS } from "../diagrams";
import { DiagramLocale } from "../diagrams/parts";
import { REQUIRED_DIAGRAM_KEYS, type DiagramModule, type DiagramText } from "../diagrams/types";
import type { AuthoredLocale, Locale } from "../types";
import { toHant } from "../../i18n/hant";

export type DiagramLookup = { ok: true; module: DiagramModule } | { ok: false; message: string };

/** The module of a diagram name, or why it cannot be used (unknown, text missing or uneven). */
export function lookUpDiagram(name: string, registry: Readonly<Record<string, DiagramModule>> = DIAGRAMS): DiagramLookup {
  const module = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!module) {
    return { ok: false, message: `unknown diagram "${name}" (known: ${Object.keys(registry).join(", ") || "none"}); add app/course/diagrams/${name}.tsx and list it in app/course/diagrams/index.ts` };
  }
  const problems = diagramTextProblems(module.text);
  if (problems.length > 0) return { ok: false, message: `diagram "${name}": ${problems.join("; ")}` };
  return { ok: true, module };
}

/** Every authored language has text, the same keys as the others, none empty, title and desc included. */
export function diagramTextProblems(text: Partial<Record<AuthoredLocale, DiagramText>>): string[] {
  const problems: string[] = [];
  const locales: AuthoredLocale[] = ["en", "zh-Hans"];
  const keys = new Set<string>(REQUIRED_DIAGRAM_KEYS);
  for (const locale of locales) for (const key of Object.keys(text[locale] ?? {})) keys.add(key);
  for (const locale of locales) {
    const record = text[locale];
    if (!record) {
      problems.push(`no ${locale} text`);
      continue;
    }
    const missing = [...keys].filter((key) => typeof record[key] !== "string" || record[key]!.trim() === "");
    if (missing.length > 0) problems.push(`${locale} text is missing ${missing.map((k) => `"${k}"`).join(", ")}`);
  }
  return problems;
}

/** The diagram's SVG in one locale, with ids prefixed `diagram-<name>`. */
export function renderDiagram(name: string, module: DiagramModule, locale: Locale): string {
  const text = locale === "zh-Hant" ? hantText(module.text["zh-Hans"]) : module.text[locale];
  return renderToStaticMarkup(createElement(DiagramLocale.Provider, { value: locale }, createElement(module.Diagram, { text, id: `diagram-${name}` })));
}

function hantText(hans: DiagramText): DiagramText {
  return Object.fromEntries(Object.entries(hans).map(([key, value]) => [key, toHant(value)]));
}
