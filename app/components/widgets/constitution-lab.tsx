/**
 * Constitution lab: the learner writes up to three principles, steps through worked examples of
 * Constitutional AI's loop (principle → answer → critique → revision), and can open the
 * playground with a critique-and-revise prompt built from their own principles. Nothing is sent
 * anywhere until they choose to open the playground.
 */
import { useId, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { WidgetProps } from "./registry";
import { sentenceGap } from "./format";
import { useSessionState } from "./shared";
import { constitutionExamples, type ConstitutionExample } from "../../course/widgets/widget-data";
import { Button } from "~/components/ui/button";

const MAX_PRINCIPLES = 3;
const MAX_PRINCIPLE_LENGTH = 240;
const STAGES = ["principle", "answer", "critique", "revision"] as const;

export default function ConstitutionLab({ data, lessonSlug }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const examples = constitutionExamples(data, locale);
  const [principles, setPrinciples] = useSessionState<string[]>(`lantern:principles:${lessonSlug}`, ["", "", ""]);
  const [exampleIndex, setExampleIndex] = useState(0);
  const [stage, setStage] = useState(0);
  const stageRef = useRef<HTMLOListElement>(null);
  const example = examples[Math.min(exampleIndex, examples.length - 1)];
  const written = principles.map((p) => p.trim()).filter(Boolean);

  function go(next: number) {
    setStage(Math.max(0, Math.min(STAGES.length - 1, next)));
    stageRef.current?.focus();
  }

  return (
    <section className="widget constitution-widget" aria-label={t("widget.constitution.title")}>
      <p className="widget-kicker">{t("widget.constitution.title")}</p>

      <fieldset>
        <legend>{t("widget.constitution.yourPrinciples")}</legend>
        <p className="hint">{t("widget.constitution.principlesHint")}</p>
        {Array.from({ length: MAX_PRINCIPLES }, (_, i) => (
          <div className="field" key={i}>
            <label htmlFor={`${id}-p${i}`}>{t("widget.constitution.principleN", { n: i + 1 })}</label>
            <input
              id={`${id}-p${i}`}
              type="text"
              maxLength={MAX_PRINCIPLE_LENGTH}
              value={principles[i] ?? ""}
              placeholder={i === 0 ? t("widget.constitution.placeholder") : undefined}
              onChange={(e) => {
                const next = [...principles];
                next[i] = e.target.value;
                setPrinciples(next);
              }}
            />
          </div>
        ))}
      </fieldset>

      {example ? (
        <div className="worked">
          <h4>{t("widget.constitution.workedTitle")}</h4>
          <div className="row" role="group" aria-label={t("widget.constitution.examples")}>
            {examples.map((e, i) => (
              <button
                key={e.id}
                type="button"
                className="secondary chip-button"
                aria-pressed={i === exampleIndex}
                onClick={() => {
                  setExampleIndex(i);
                  setStage(0);
                }}
              >
                {t("widget.constitution.exampleN", { n: i + 1 })}
              </button>
            ))}
          </div>
          <p className="small" id={`${id}-progress`}>
            {t("widget.constitution.stepOf", { n: stage + 1, total: STAGES.length })}
          </p>
          <ol className="stepper" ref={stageRef} tabIndex={-1} aria-live="polite" aria-describedby={`${id}-progress`}>
            {STAGES.slice(0, stage + 1).map((s) => (
              <Stage key={s} stage={s} example={example} />
            ))}
          </ol>
          <div className="row widget-actions">
            <Button type="button" className="secondary" inactive={stage === 0} onClick={() => go(stage - 1)}>
              {t("widget.previous")}
            </Button>
            {stage < STAGES.length - 1 ? (
              <button type="button" className="primary" onClick={() => go(stage + 1)}>
                {t(`widget.constitution.next.${STAGES[stage + 1]!}`)}
              </button>
            ) : (
              <button type="button" className="secondary" onClick={() => go(0)}>
                {t("widget.constitution.again")}
              </button>
            )}
          </div>
          {stage === STAGES.length - 1 && written.length > 0 ? (
            <p className="small reflect">{t("widget.constitution.reflect")}</p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("widget.constitution.none")}</p>
      )}

      <div className="try-claude">
        {written.length > 0 && example ? (
          <a className="button secondary" href={`/playground?prefill=${encodeURIComponent(prefill(t, written, example))}`}>
            {t("widget.constitution.tryClaude")}
          </a>
        ) : (
          <p className="small muted">{t("widget.constitution.writeFirst")}</p>
        )}
        <p className="small muted">{t("widget.constitution.claudeNote")}</p>
      </div>
    </section>
  );
}

function Stage({ stage, example }: { stage: (typeof STAGES)[number]; example: ConstitutionExample }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={`stage stage-${stage}`}>
      <p className="stage-label">{t(`widget.constitution.stage.${stage}`)}</p>
      {stage === "answer" ? (
        <>
          <p>
            <span className="muted">{t("widget.constitution.asked")}</span>
            {sentenceGap(locale)}
            {example.prompt}
          </p>
          <blockquote>{example.answer}</blockquote>
        </>
      ) : stage === "principle" ? (
        <blockquote>{example.principle}</blockquote>
      ) : (
        <blockquote>{stage === "critique" ? example.critique : example.revision}</blockquote>
      )}
    </li>
  );
}

function prefill(t: ReturnType<typeof useT>, principles: string[], example: ConstitutionExample): string {
  return t("widget.constitution.prefill", {
    principles: principles.map((p, i) => `${i + 1}. ${p}`).join("\n"),
    prompt: example.prompt,
    answer: example.answer,
  });
}
