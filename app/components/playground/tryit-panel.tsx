import { Link } from "@remix-run/react";
import { gradeExchange, type TryItChecks } from "~/course/tryit-check";
import type { TryItCheck } from "~/course/types";
import { useLocale, useT } from "~/i18n/use-t";
import type { Translate } from "~/i18n/translate";
import { CheckVerdict, RecordedReplyView } from "~/components/lesson/recorded-reply";
import type { TryItView } from "./types";

/** What a lesson's check asks for, in words a student can act on. */
export function describeCheck(check: TryItCheck, t: Translate): string {
  switch (check.kind) {
    case "contains":
      return t("playground.tryit.check.contains", { value: check.value });
    case "regex":
      return t("playground.tryit.check.regex", { says: check.says });
    case "words":
    case "lines": {
      const range =
        check.min !== undefined && check.max !== undefined
          ? check.min === check.max
            ? String(check.min)
            : t("playground.tryit.range.between", { min: check.min, max: check.max })
          : check.min !== undefined
            ? t("playground.tryit.range.min", { min: check.min })
            : t("playground.tryit.range.max", { max: check.max ?? 0 });
      return t(check.kind === "words" ? "playground.tryit.check.words" : "playground.tryit.check.lines", { range });
    }
  }
}

/** A check on the student's prompt (mini model): what it looks for, said about the prompt. */
export function describePromptCheck(check: TryItCheck, t: Translate): string {
  return check.kind === "contains"
    ? t("playground.tryit.promptCheck.contains", { value: check.value })
    : t("playground.tryit.promptCheck.other", { check: describeCheck(check, t) });
}

/** Chinese sentences follow each other without a space. */
function sentenceGap(locale: string): string {
  return locale === "en" ? " " : "";
}

export function TryItPanel({ tryit, offline }: { tryit: TryItView; offline: boolean }) {
  const t = useT();
  const gap = sentenceGap(useLocale());
  return (
    <section className="pg-tryit card" aria-labelledby="pg-tryit-title">
      <h2 id="pg-tryit-title">{t("playground.tryit.title", { lesson: tryit.lessonTitle })}</h2>
      {/* Offline, the prompt check below is the one that counts: the reply check steps back. */}
      <p className={offline && tryit.miniCheck ? "small muted" : undefined}>{describeCheck(tryit.check, t)}</p>
      {tryit.miniCheck ? (
        // Said before the student starts: the mini model cannot follow instructions, so its
        // replies are not what this try-it is about.
        <p className={offline ? "alert note" : "small muted"}>
          {t("playground.tryit.miniNote")}
          {gap}
          {describePromptCheck(tryit.miniCheck, t)}
        </p>
      ) : offline ? (
        <p className="alert note">{t("playground.tryit.miniReplyNote")}</p>
      ) : null}
      {offline && tryit.recorded ? (
        <>
          <p className="alert info">{t("learn.tryit.noRealModel")}</p>
          <RecordedReplyView recorded={tryit.recorded} check={tryit.check} id={tryit.ref.replace(/[^a-z0-9-]/g, "-")} />
        </>
      ) : null}
      <p className="small">
        <Link to={`/learn/${tryit.lessonSlug}`}>{t("playground.tryit.back")}</Link>
      </p>
    </section>
  );
}

/** The check's verdict on one reply, with words and a mark (never colour alone). */
export function TryItGrade({
  tryit,
  exchange,
}: {
  tryit: TryItChecks;
  exchange: { prompt: string; reply: string; provider: "mini" | "claude" };
}) {
  const result = gradeExchange(tryit, exchange);
  return <CheckVerdict result={result} onPrompt={result.on === "prompt"} />;
}
