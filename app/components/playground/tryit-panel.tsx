import { Link } from "@remix-run/react";
import { gradeTryIt } from "~/course/tryit-check";
import type { TryItCheck } from "~/course/types";
import { useT } from "~/i18n/use-t";
import type { Translate } from "~/i18n/translate";
import type { TryItView } from "./types";

/** What a lesson's check asks for, in words a student can act on. */
export function describeCheck(check: TryItCheck, t: Translate): string {
  switch (check.kind) {
    case "contains":
      return t("playground.tryit.check.contains", { value: check.value });
    case "regex":
      return t("playground.tryit.check.regex", { pattern: `/${check.pattern}/${check.flags ?? ""}` });
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

export function TryItPanel({ tryit }: { tryit: TryItView }) {
  const t = useT();
  return (
    <section className="pg-tryit card" aria-labelledby="pg-tryit-title">
      <h2 id="pg-tryit-title">{t("playground.tryit.title", { lesson: tryit.lessonTitle })}</h2>
      <p>{describeCheck(tryit.check, t)}</p>
      <p className="small">
        <Link to={`/learn/${tryit.lessonSlug}`}>{t("playground.tryit.back")}</Link>
      </p>
    </section>
  );
}

/** The check's verdict on one reply, with words and a mark (never colour alone). */
export function TryItGrade({ check, reply }: { check: TryItCheck; reply: string }) {
  const t = useT();
  const result = gradeTryIt(check, reply);
  return (
    <p className={`pg-grade badge ${result.passed ? "good" : "warn"}`}>
      <span aria-hidden="true">{result.passed ? "✓ " : "… "}</span>
      {result.passed ? t("playground.tryit.passed") : t("playground.tryit.failed")}
      {result.count !== undefined ? ` ${t("playground.tryit.count", { count: result.count })}` : ""}
    </p>
  );
}
