/**
 * What each widget shows before its code arrives, or for good without JavaScript: text that still
 * teaches the step. Rendered on the server (and again at hydration, so it must be deterministic).
 * Numbers that need the tokenizer or the mini model come from `data.widgetServer`, computed by
 * the lesson loader with `widgetServerData` (server-data.server.ts); without them the fallback
 * still explains the idea.
 */
import { useId } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { CalibrationSummary, CalibrationTable } from "./calibration-view";
import { TimelineChart } from "./context-timeline";
import { percent, sentenceGap } from "./format";
import { haystackFor, needleOnly } from "./needle";
import { HaystackText, NeedleAnswer, NeedleResult, SizeChoice } from "./needle-view";
import { ModelWindow, NextTokenBars } from "./next-token-bars";
import type { WidgetProps } from "./registry";
import { Counts, TokenPieces } from "./token-pieces";
import { calibrationPointsIn, constitutionExamples, preferencePairs, widgetServer, widgetTry, type WidgetTry } from "../../course/widgets/widget-data";
import { SupportNote } from "./shared";
import { Reveal } from "./preference-reveal";
import { MAX_CHARS } from "~/utils/form-limits";
import { DEPTHS, FIRST_CHOICE, type NeedleChoice } from "../../course/widgets/needle-choice";

export function WidgetFallback(p: WidgetProps) {
  switch (p.name) {
    case "tokenizer":
      return <TokenizerFallback {...p} />;
    case "next-token":
      return <NextTokenFallback {...p} />;
    case "context-window":
      return p.props.focus === "needle" ? <NeedleFallback {...p} /> : <TimelineFallback />;
    case "preference-lab":
      return <PreferenceFallback {...p} />;
    case "constitution-lab":
      return <ConstitutionFallback {...p} />;
    case "calibration":
      return <CalibrationFallback {...p} />;
    default:
      return null;
  }
}

function Frame({ title, badge, tryable = false, children }: { title: string; badge?: string; tryable?: boolean; children: React.ReactNode }) {
  const t = useT();
  return (
    <section className="widget widget-fallback" aria-label={title}>
      <div className="widget-head">
        <p className="widget-kicker">{title}</p>
        {badge ? <span className="badge warn">{badge}</span> : null}
      </div>
      {children}
      <p className="small muted widget-note">{t(tryable ? "widget.fallback.noteTryable" : "widget.fallback.note")}</p>
    </section>
  );
}

function TokenizerFallback({ data }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const samples = widgetServer(data).tokenizer?.samples ?? [];
  const tried = widgetTry(data, "tokenizer");
  return (
    <Frame title={t("widget.tokenizer.title")} tryable>
      <p>{t("widget.tokenizer.fallbackIntro")}</p>
      {samples.map((s, i) => (
        <div key={i} className="token-box">
          <p lang={i === 0 ? "en" : locale === "zh-Hant" ? "zh-Hant" : "zh-Hans"}>
            <strong>{s.text}</strong>
          </p>
          <p className="token-count">
            <Counts sample={s} locale={locale} />
          </p>
          <TokenPieces pieces={s.pieces} showIds={false} />
        </div>
      ))}
      <TextTry widget="tokenizer" label={t("widget.tokenizer.tryLabel")} submit={t("widget.tokenizer.trySubmit")} tried={tried} />
      {tried && "sample" in tried ? (
        <div className="token-box" data-testid="widget-tried" id={triedAnchor("tokenizer")}>
          <p>
            <strong>{tried.text}</strong>
          </p>
          <p className="token-count">
            <Counts sample={tried.sample} locale={locale} />
          </p>
          <TokenPieces pieces={tried.sample.pieces} showIds={false} />
          <SupportNote feelings={tried.support} />
        </div>
      ) : null}
      <p className="small muted">{t("widget.tokenizer.honestNote")}</p>
    </Frame>
  );
}

/**
 * Without JavaScript a widget is tried by posting the text (or the needle experiment's choice) to
 * the lesson (its "try" action), which answers with the page and what the widget would have
 * shown. With JavaScript the widget itself replaces this as soon as it loads.
 */
function TryForm({ widget, submit, refused, children }: { widget: TriedWidget; submit: string; refused: string | null; children: React.ReactNode }) {
  return (
    // the answer is further down a long step: the page it comes back with opens at it
    <form method="post" action={`#${triedAnchor(widget)}`} className="widget-try">
      <input type="hidden" name="intent" value="try" />
      <input type="hidden" name="widget" value={widget} />
      {children}
      {refused ? (
        <p id={triedAnchor(widget)} className="form-error" role="alert">
          {refused}
        </p>
      ) : null}
      <button type="submit" className="secondary">
        {submit}
      </button>
    </form>
  );
}

type TriedWidget = Exclude<WidgetTry["widget"], "preference-lab">;

/** Where a try's answer (or its refusal) is shown. */
function triedAnchor(widget: TriedWidget): string {
  return `widget-tried-${widget}`;
}

function TextTry({ widget, label, submit, tried }: { widget: "tokenizer" | "next-token"; label: string; submit: string; tried: Extract<WidgetTry, { text: string }> | null }) {
  const id = useId();
  return (
    <TryForm widget={widget} submit={submit} refused={tried && "refused" in tried ? tried.refused : null}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="text" rows={2} maxLength={MAX_CHARS.widgetText} defaultValue={tried?.text ?? ""} />
      {tried && "refused" in tried ? <SupportNote feelings={tried.support} /> : null}
    </TryForm>
  );
}

function NextTokenFallback({ data, props }: WidgetProps) {
  const t = useT();
  const prompt = props.prompt ?? t("widget.nextToken.defaultPrompt");
  const view = widgetServer(data).nextToken?.[prompt];
  const tried = widgetTry(data, "next-token");
  return (
    <Frame title={t("widget.nextToken.title")} badge={t("widget.miniModelBadge")} tryable>
      <p>
        {t("widget.nextToken.fallbackIntro")} <q>{prompt}</q>
      </p>
      {view ? (
        <>
          <NextTokenBars view={view} />
          <ModelWindow window={view.window} />
        </>
      ) : null}
      <p className="small">{t("widget.nextToken.fallbackTemperature")}</p>
      <TextTry widget="next-token" label={t("widget.nextToken.tryLabel")} submit={t("widget.nextToken.trySubmit")} tried={tried} />
      {tried && "view" in tried ? (
        <div data-testid="widget-tried" id={triedAnchor("next-token")}>
          <p>
            {t("widget.nextToken.fallbackIntro")} <q>{tried.text}</q>
          </p>
          <SupportNote feelings={tried.support} />
          <NextTokenBars view={tried.view} />
          <ModelWindow window={tried.view.window} />
        </div>
      ) : null}
    </Frame>
  );
}

function TimelineFallback() {
  const t = useT();
  return (
    <Frame title={t("widget.cw.title")}>
      <TimelineChart scale="log" />
      <p className="small">{t("widget.cw.explainLog")}</p>
      <p className="small muted">{t("widget.cw.pagesNote")}</p>
    </Frame>
  );
}

function NeedleFallback({ data }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const tried = widgetTry(data, "needle");
  const run = tried ? ("run" in tried ? tried.run : null) : (widgetServer(data).needle ?? null);
  const choice = tried ? ("run" in tried ? tried.run : tried.choice) : FIRST_CHOICE;
  const haystack = haystackFor(t, choice, locale);
  return (
    <Frame title={t("widget.needle.title")} badge={t("widget.miniModelBadge")} tryable>
      <p>{t("widget.needle.intro")}</p>
      <TryForm widget="needle" submit={t("widget.needle.trySubmit")} refused={tried && "refused" in tried ? tried.refused : null}>
        <NeedleChoiceFields choice={choice} />
      </TryForm>
      <div className="needle-run" data-testid={tried && run ? "widget-tried" : undefined} id={tried && run ? triedAnchor("needle") : undefined}>
        <HaystackText text={haystack.text} spans={run?.spans ?? needleOnly(haystack)} />
        {run ? (
          <>
            <p className="small muted">{t("widget.needle.legend")}</p>
            <NeedleResult outcome={run} />
            <NeedleAnswer answer={run.answer} window={run.answerWindow} />
          </>
        ) : null}
      </div>
      <p>
        <a href={`/playground?prefill=${encodeURIComponent(haystack.text)}`}>{t("widget.needle.tryClaude")}</a>
      </p>
      <p className="small muted">{t("widget.needle.claudeNote")}</p>
    </Frame>
  );
}

/** The widget's three controls as form fields (a slider and toggles need JavaScript to say anything). */
function NeedleChoiceFields({ choice }: { choice: NeedleChoice }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="needle-controls">
      <div className="field">
        <label htmlFor={`${id}-depth`}>{t("widget.needle.depthPick")}</label>
        <select id={`${id}-depth`} name="depth" defaultValue={String(choice.depth)} aria-describedby={`${id}-depth-hint`}>
          {DEPTHS.map((n) => (
            <option key={n} value={n}>
              {percent(n / 100, locale, 0)}
            </option>
          ))}
        </select>
        <p id={`${id}-depth-hint`} className="hint">
          {t("widget.needle.depthHint")}
        </p>
      </div>
      {(["sentences", "window"] as const).map((of) => (
        <SizeChoice
          key={of}
          of={of}
          className="needle-options"
          option={(n, label) => (
            <label key={n} className="choice">
              <input type="radio" name={of} value={n} defaultChecked={choice[of] === n} />
              {label}
            </label>
          )}
        />
      ))}
    </div>
  );
}

function PreferenceFallback({ data }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const pairs = preferencePairs(data, locale);
  const tried = widgetTry(data, "preference-lab");
  const result = tried && "result" in tried ? tried.result : null;
  return (
    <Frame title={t("widget.pref.title")} tryable>
      <p>{t("widget.pref.fallbackIntro")}</p>
      <p className="small muted">{t(data.savesChoices === true ? "widget.pref.privacyStudent" : "widget.pref.privacyVisitor")}</p>
      <ol className="fallback-pairs">
        {pairs.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{p.prompt}</strong>
            </p>
            <div className="pref-answers">
              <div className="pref-answer">
                <p className="pref-answer-head">
                  <strong>{t("widget.pref.answerA")}</strong>
                </p>
                <p>{p.a}</p>
              </div>
              <div className="pref-answer">
                <p className="pref-answer-head">
                  <strong>{t("widget.pref.answerB")}</strong>
                </p>
                <p>{p.b}</p>
              </div>
            </div>
            {/* without JavaScript the choice is posted to the lesson: saved for a student, as the widget saves it */}
            <form method="post" className="row pref-choose">
              <input type="hidden" name="intent" value="prefer" />
              <input type="hidden" name="pair" value={p.id} />
              <button type="submit" name="choice" value="a" className="secondary">
                {t("widget.pref.chooseA")}
              </button>
              <button type="submit" name="choice" value="b" className="secondary">
                {t("widget.pref.chooseB")}
              </button>
            </form>
            {result?.mine[p.id] ? (
              <div data-testid="widget-tried">
                <p>
                  <strong>{t("widget.pref.yourChoiceIs", { answer: result.mine[p.id] === "a" ? t("widget.pref.answerA") : t("widget.pref.answerB") })}</strong>
                </p>
                <Reveal pair={p} choice={result.mine[p.id]!} counts={result.classCounts[p.id] ?? null} student={result.student} minClassmates={result.minClassmates} />
              </div>
            ) : (
              <details>
                <summary>{t("widget.pref.revealJudge")}</summary>
                <p>{t("widget.pref.judgeSaid", { judge: p.judge === "a" ? "A" : "B" })}</p>
                <p className="pref-reason">{p.reason}</p>
              </details>
            )}
          </li>
        ))}
      </ol>
      {tried && "refused" in tried ? (
        <p className="form-error" role="alert">
          {tried.refused}
        </p>
      ) : null}
      <p>{t("widget.pref.summaryIdea")}</p>
    </Frame>
  );
}

function ConstitutionFallback({ data }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const examples = constitutionExamples(data, locale);
  return (
    <Frame title={t("widget.constitution.title")}>
      <p>{t("widget.constitution.fallbackIntro")}</p>
      {examples.map((e, i) => (
        <details key={e.id} open={i === 0} className="worked">
          <summary>{t("widget.constitution.exampleN", { n: i + 1 })}</summary>
          <ol className="stepper">
            <li className="stage">
              <p className="stage-label">{t("widget.constitution.stage.principle")}</p>
              <blockquote>{e.principle}</blockquote>
            </li>
            <li className="stage">
              <p className="stage-label">{t("widget.constitution.stage.answer")}</p>
              <p>
                <span className="muted">{t("widget.constitution.asked")}</span>
                {sentenceGap(locale)}
                {e.prompt}
              </p>
              <blockquote>{e.answer}</blockquote>
            </li>
            <li className="stage">
              <p className="stage-label">{t("widget.constitution.stage.critique")}</p>
              <blockquote>{e.critique}</blockquote>
            </li>
            <li className="stage">
              <p className="stage-label">{t("widget.constitution.stage.revision")}</p>
              <blockquote>{e.revision}</blockquote>
            </li>
          </ol>
        </details>
      ))}
      <p>{t("widget.constitution.fallbackOwn")}</p>
    </Frame>
  );
}

function CalibrationFallback({ data }: WidgetProps) {
  const t = useT();
  const points = calibrationPointsIn(data);
  return (
    <Frame title={t("widget.calibration.title")}>
      <CalibrationSummary points={points} />
      {points.length > 0 ? <CalibrationTable points={points} /> : null}
      <p className="small">{t("widget.calibration.exampleText")}</p>
      <p className="small">{t("widget.calibration.modelsText")}</p>
    </Frame>
  );
}
