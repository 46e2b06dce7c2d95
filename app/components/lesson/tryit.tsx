/**
 * A "try it" prompt: the prompt itself, the system prompt if the lesson fixes one, the visible
 * check that will grade the reply, and a link that opens the playground prefilled
 * (`/playground?tryit=<lessonSlug>:<tryitId>`; the playground looks the prompt up itself).
 */
import type { Block, TryItCheck } from "~/course/types";
import { useT } from "~/i18n/use-t";
import { RecordedReplyView } from "./recorded-reply";
import type { Translate } from "~/i18n/translate";

type TryItBlock = Extract<Block, { t: "tryit" }>;

export function TryIt({ block, lessonSlug, realModel }: { block: TryItBlock; lessonSlug: string; realModel: boolean }) {
  const t = useT();
  const headingId = `tryit-${block.id}`;
  // Without a real model the mini model answers, and it cannot follow the prompt: said before
  // the student starts, with a real model's recorded reply to judge instead.
  const offline = !realModel && block.recorded !== undefined;
  return (
    <section className="tryit" aria-labelledby={headingId} id={headingId + "-box"}>
      <h3 id={headingId} className="tryit-title">
        {t("learn.tryit.title")}
      </h3>
      {offline ? <p className="alert info tryit-offline">{t("learn.tryit.noRealModel")}</p> : null}
      <p className="small muted">{t("learn.tryit.lead")}</p>
      <blockquote className="tryit-prompt">
        <p>{block.prompt}</p>
      </blockquote>
      {block.system ? (
        <p className="small">
          <strong>{t("learn.tryit.system")}</strong> {block.system}
        </p>
      ) : null}
      <p className="tryit-check small">
        <span className="badge brand">{t("learn.tryit.checkLabel")}</span> {describeCheck(block.check, t)}
      </p>
      {offline ? <RecordedReplyView recorded={block.recorded!} check={block.check} id={block.id} /> : null}
      <a className={offline ? "button secondary" : "button"} href={`/playground?tryit=${lessonSlug}:${block.id}`}>
        {offline ? t("learn.tryit.openMini") : t("learn.tryit.open")}
      </a>
    </section>
  );
}

export function describeCheck(check: TryItCheck, t: Translate): string {
  switch (check.kind) {
    case "contains":
      return check.caseSensitive
        ? t("learn.tryit.check.containsCase", { value: check.value })
        : t("learn.tryit.check.contains", { value: check.value });
    case "regex":
      return t("learn.tryit.check.regex", { says: check.says });
    case "words":
    case "lines": {
      const unit = check.kind === "words" ? "Words" : "Lines";
      const { min, max } = check;
      if (min !== undefined && max !== undefined) {
        return min === max
          ? t(`learn.tryit.check.exactly${unit}`, { n: min })
          : t(`learn.tryit.check.between${unit}`, { min, max });
      }
      if (max !== undefined) return t(`learn.tryit.check.atMost${unit}`, { max });
      return t(`learn.tryit.check.atLeast${unit}`, { min: min ?? 0 });
    }
  }
}
