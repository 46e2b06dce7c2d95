/**
 * Next-token widget: the mini model's top guesses for the next token as a bar chart, a
 * temperature slider, and buttons to add the top token, sample, generate ten and sample again.
 * The model runs on the server (/api/next-token); it is labelled as what it is: not Claude.
 */
import { useId, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { NextTokenBars, ModelWindow } from "./next-token-bars";
import type { WidgetProps } from "./registry";
import { MAX_CHARS } from "~/utils/form-limits";
import { formatNumber, sentenceGap, visiblePiece } from "./format";
import { postJson, SupportNote, useDebouncedEffect } from "./shared";
import type { NextTokenResponse } from "../../course/widgets/widget-data";
import { Button } from "~/components/ui/button";

type Mode = "peek" | "top" | "sample";

interface Sample {
  temperature: number;
  continuation: string;
  ended: boolean;
}

const GENERATE_COUNT = 10;
const KEPT_SAMPLES = 8;

export default function NextTokenWidget({ props }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const start = props.prompt ?? t("widget.nextToken.defaultPrompt");
  const [text, setText] = useState(start);
  const [temperature, setTemperature] = useState(1);
  const [view, setView] = useState<NextTokenResponse | null>(null);
  const [viewKey, setViewKey] = useState("");
  const [added, setAdded] = useState<NextTokenResponse["added"]>([]);
  const [lastSample, setLastSample] = useState<{ from: string; count: number } | null>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${text}\u0000${temperature}`;

  async function call(context: string, mode: Mode, count: number, signal?: AbortSignal) {
    setBusy(true);
    const result = await postJson<NextTokenResponse>(
      "/api/next-token",
      { context, temperature, mode, count, locale },
      t("widget.error.network"),
      signal,
    );
    if (!result) return null;
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    setView(result.data);
    setViewKey(`${result.data.text}\u0000${temperature}`);
    return result.data;
  }

  // Whenever the text or the temperature changes, show the new guesses (unless an action just did).
  useDebouncedEffect(
    (signal) => {
      if (key !== viewKey) void call(text, "peek", 0, signal);
    },
    [key],
    250,
  );

  async function act(mode: "top" | "sample", count: number, from = text) {
    const data = await call(from, mode, count);
    if (!data) return;
    setText(data.text);
    setAdded(data.added);
    if (mode === "sample") {
      setLastSample({ from, count });
      const continuation = data.added.map((a) => a.piece).join("");
      const ended = data.added.some((a) => a.end);
      setSamples((list) => [{ temperature, continuation, ended }, ...list].slice(0, KEPT_SAMPLES));
    }
  }

  const sampleAgain = () => act("sample", lastSample?.count ?? GENERATE_COUNT, lastSample?.from ?? text);
  const ended = added.some((a) => a.end);

  return (
    <section className="widget next-token-widget" aria-label={t("widget.nextToken.title")}>
      <div className="widget-head">
        <p className="widget-kicker">{t("widget.nextToken.title")}</p>
        <span className="badge warn">{t("widget.miniModelBadge")}</span>
      </div>

      <label htmlFor={`${id}-text`}>{t("widget.nextToken.textLabel")}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={2}
        maxLength={MAX_CHARS.widgetText}
        onChange={(e) => {
          setText(e.target.value);
          setAdded([]);
        }}
      />
      <SupportNote feelings={view?.support} />
      {added.length > 0 ? (
        <p className="small added-line">
          {t("widget.nextToken.added")}{" "}
          {added.map((a, i) => (
            <span key={i} className="token tone-1">
              {a.end ? t("widget.nextToken.end") : visiblePiece(a.piece)}
            </span>
          ))}
          {ended ? <span> {t("widget.nextToken.endedNote")}</span> : null}
        </p>
      ) : null}

      <div className="field temperature-field">
        <label htmlFor={`${id}-temp`}>
          {t("widget.nextToken.temperature", { t: formatNumber(temperature, locale, 1) })}
        </label>
        <input
          id={`${id}-temp`}
          type="range"
          min={0}
          max={2}
          step={0.1}
          value={temperature}
          aria-describedby={`${id}-temp-hint`}
          onChange={(e) => setTemperature(Number(e.target.value))}
        />
        <p id={`${id}-temp-hint`} className="hint">
          {t("widget.nextToken.temperatureHint")}
        </p>
      </div>

      <div className="row widget-actions">
        <Button type="button" className="primary" inactive={busy} onClick={() => act("top", 1)}>
          {t("widget.nextToken.step")}
        </Button>
        <Button type="button" className="secondary" inactive={busy} onClick={() => act("sample", 1)}>
          {t("widget.nextToken.sampleOne")}
        </Button>
        <Button type="button" className="secondary" inactive={busy} onClick={() => act("sample", GENERATE_COUNT)}>
          {t("widget.nextToken.generate", { n: GENERATE_COUNT })}
        </Button>
        <Button type="button" className="secondary" inactive={busy} onClick={sampleAgain}>
          {t("widget.nextToken.sampleAgain")}
        </Button>
        <Button
          type="button"
          className="secondary"
          inactive={busy}
          onClick={() => {
            setText(start);
            setAdded([]);
            setLastSample(null);
          }}
        >
          {t("widget.nextToken.reset")}
        </Button>
      </div>

      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      <div aria-live="polite" aria-busy={busy}>
        {view ? (
          <>
            <NextTokenBars view={view} temperature={temperature} topK={view.topK} />
            <ModelWindow window={view.window} />
          </>
        ) : (
          <p className="muted">{t("widget.loading")}</p>
        )}
      </div>

      {samples.length > 0 ? (
        <div className="samples">
          <p className="small">
            <strong>{t("widget.nextToken.samplesTitle")}</strong>
          </p>
          <ol className="samples-list">
            {samples.map((s, i) => (
              <li key={samples.length - i}>
                <span className="badge">{t("widget.nextToken.atTemperature", { t: formatNumber(s.temperature, locale, 1) })}</span>{" "}
                <q>{s.continuation}</q>
                {s.ended ? `${sentenceGap(locale)}${t("widget.nextToken.end")}` : ""}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p className="small muted widget-note">{t("widget.nextToken.note")}</p>
    </section>
  );
}
