/**
 * Guide sections, the key diagram and the answer key. Guide content is compiled Markdown (no
 * widgets, checks or try-its: the build refuses them), rendered by the lessons' own Blocks.
 */
import type { CSSProperties } from "react";
import { Blocks, type BlockContext } from "~/components/lesson/blocks";
import { MarkedText } from "~/components/ui/marked-text";
import type { Block } from "~/course/types";
import type { AnswerKeyItem } from "~/guides/guide-view.server";
import type { GuideSection } from "~/guides/types";
import { joinAnswers, withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";

const PRINT_CONTEXT: BlockContext = { lessonSlug: "", renderCheck: () => null, widgetData: {}, realModel: true };

export function GuideBlocks({ blocks, section }: { blocks: readonly Block[]; section?: string }) {
  return <Blocks blocks={blocks} ctx={section ? { ...PRINT_CONTEXT, section } : PRINT_CONTEXT} />;
}

export function GuideSectionView({ section, level = 2 }: { section: GuideSection<string>; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={`guide-section guide-${section.id}`} aria-labelledby={`g-${section.id}`} data-section={section.id}>
      <Heading id={`g-${section.id}`}>{section.title}</Heading>
      <GuideBlocks blocks={section.blocks} section={section.title} />
    </section>
  );
}

/** The handout's key idea as boxes joined by arrows: an ordered list, so it reads in order without CSS too. */
export function KeyDiagram({ labels, title }: { labels: readonly Block[][]; title: string }) {
  return (
    <figure className="key-diagram" aria-label={title} style={{ "--steps": labels.length } as CSSProperties}>
      <ol>
        {labels.map((blocks, i) => (
          <li key={i}>
            <span className="key-box">
              <GuideBlocks blocks={blocks} />
            </span>
            {i < labels.length - 1 ? <Arrow /> : null}
          </li>
        ))}
      </ol>
    </figure>
  );
}

function Arrow() {
  return (
    <svg className="key-arrow" viewBox="0 0 32 16" width="32" height="16" aria-hidden="true" focusable="false">
      <path d="M1 8h24" stroke="currentColor" strokeWidth="2" fill="none" />
      <path d="M22 3l8 5-8 5z" fill="currentColor" />
    </svg>
  );
}

export function AnswerKey({ checks, quiz }: { checks: AnswerKeyItem[]; quiz: AnswerKeyItem[] }) {
  const t = useT();
  return (
    <section className="guide-section guide-answer-key" aria-labelledby="g-answer-key" data-section="answer-key">
      <h2 id="g-answer-key">{t("guide.key.title")}</h2>
      <p className="small muted">{t("guide.key.lead")}</p>
      {checks.length > 0 ? (
        <>
          <h3>{t("guide.key.checks")}</h3>
          <AnswerList items={checks} />
        </>
      ) : null}
      <h3>{t("guide.key.quiz")}</h3>
      <AnswerList items={quiz} />
    </section>
  );
}

function AnswerList({ items }: { items: AnswerKeyItem[] }) {
  const t = useT();
  return (
    <ol className="answer-key">
      {items.map((item) => (
        <li key={item.id} data-question={item.id}>
          <p className="answer-prompt">
            <MarkedText text={item.prompt} />
            {item.misconception ? <span className="badge">{t("guide.key.misconception")}</span> : null}
          </p>
          <p>
            <strong>{withColon(t(item.kind === "text" ? "guide.key.accepted" : "guide.key.answer"), t("guide.colon"))}</strong>
            <MarkedText text={item.kind === "text" ? item.answers.join(" · ") : joinAnswers(item.answers, t("guide.key.listSeparator"))} />
          </p>
          {item.explanation ? (
            <p className="small">
              <strong>{withColon(t("guide.key.why"), t("guide.colon"))}</strong>
              <MarkedText text={item.explanation} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
