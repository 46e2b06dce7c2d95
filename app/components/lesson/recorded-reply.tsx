/**
 * A try-it's recorded reply from a real model, for learners without one: who wrote it and when,
 * the reply, and the same check's verdict on it. A <details> element, so it opens without
 * JavaScript; the verdict is computed where it renders (the check is pure).
 */
import { gradeTryIt, type TryItResult } from "~/course/tryit-check";
import type { RecordedReply, TryItCheck } from "~/course/types";
import { useLocale, useT } from "~/i18n/use-t";

export function RecordedReplyView({ recorded, check, id }: { recorded: RecordedReply; check: TryItCheck; id: string }) {
  const t = useT();
  return (
    <details className="tryit-recorded" id={`recorded-${id}`}>
      <summary>{t("learn.tryit.recorded.open")}</summary>
      <p className="small muted">{t("learn.tryit.recorded.source", { model: recorded.model, date: recorded.date })}</p>
      <blockquote className="tryit-reply">{recorded.reply}</blockquote>
      <CheckVerdict result={gradeTryIt(check, recorded.reply)} />
      <p className="small">{t("learn.tryit.recorded.judge")}</p>
    </details>
  );
}

/** A check's verdict in words and a mark (never colour alone). `onPrompt`: the mini model's prompt check. */
export function CheckVerdict({ result, onPrompt = false }: { result: TryItResult; onPrompt?: boolean }) {
  const t = useT();
  // Chinese sentences follow each other without a space.
  const gap = useLocale() === "en" ? " " : "";
  return (
    <p className={`pg-grade badge ${result.passed ? "good" : "warn"}`}>
      <span aria-hidden="true">{result.passed ? "✓ " : "… "}</span>
      {result.passed ? t("playground.tryit.passed") : t("playground.tryit.failed")}
      {onPrompt ? `${gap}${t("playground.tryit.onPrompt")}` : ""}
      {result.count !== undefined ? ` ${t("playground.tryit.count", { count: result.count })}` : ""}
    </p>
  );
}
