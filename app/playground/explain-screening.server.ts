/**
 * Words for a 12–17-year-old about why a prompt was not sent, in their language: what was found,
 * where, and what to do — never the data itself. The words are in the catalogs
 * (`playground.screen.*`); this module only chooses and joins them.
 */
import { translator } from "~/i18n/catalogs.server";
import { listOf } from "~/i18n/list";
import type { Locale } from "~/i18n/locales";
import type { Finding, PersonalDataKind } from "./screen-types";

/**
 * Where the personal data was: in the new message, split between it and earlier messages, in the
 * student's own system prompt, or in an earlier message only ("context": one of those two, when a
 * stored blocked message is shown again and only its redacted text is known). The student is told
 * what to do in each case; the data itself is never repeated back.
 */
export type FoundWhere = "prompt" | "split" | "system" | "history" | "context";

/** Sentences follow each other with a space in English and with nothing between them in Chinese. */
function sentences(parts: readonly string[], locale: Locale): string {
  return parts.filter(Boolean).join(locale === "en" ? " " : "");
}

export function explainFindings(
  findings: Finding[],
  locale: Locale,
  where: FoundWhere = "prompt",
  topicWhere: "prompt" | "system" | "history" = "prompt",
): string {
  const t = translator(locale);
  const personal = findings.filter(
    (f): f is Finding & { kind: PersonalDataKind } => f.kind !== "blocked_topic",
  );
  const kinds = [...new Set(personal.map((f) => f.kind))];
  const topics = [
    ...new Map(
      findings
        .filter((f) => f.kind === "blocked_topic")
        .map((f) => f.term ?? f.match)
        .map((topic) => [topic.toLowerCase(), topic]),
    ).values(),
  ];
  const parts: string[] = [];
  if (kinds.length > 0) {
    const what = listOf(kinds.map((kind) => t(`playground.screen.kind.${kind}`)), locale);
    // Split data is one thing found in pieces: "leave that part out", whatever the count.
    const act = where === "split" ? t("playground.screen.act.split") : t(`playground.screen.act.${where}`, { count: personal.length });
    parts.push(sentences([t(`playground.screen.found.${where}`, { what }), t("playground.screen.advice"), act], locale));
  }
  if (topics.length > 0) {
    const named = listOf(topics.map((topic) => t("playground.screen.topic", { topic })), locale);
    const wherever = topicWhere === "prompt" ? "" : t(`playground.screen.topicIn.${topicWhere}`);
    parts.push(sentences([t("playground.screen.topics", { topics: named, count: topics.length }), wherever], locale));
  }
  return sentences(parts, locale);
}
