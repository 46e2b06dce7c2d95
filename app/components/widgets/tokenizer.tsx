/**
 * Tokenizer widget: the learner types or pastes text and sees it cut into tokens by Claude's
 * published tokenizer (run on the server: the tokenizer is far too big for the browser), with a
 * compare mode for an English and a Chinese sentence side by side.
 */
import { useId, useState } from "react";
import type { Locale } from "~/course/types";
import { useLocale, useT } from "~/i18n/use-t";
import type { WidgetProps } from "./registry";
import { SENTENCE_PAIRS, chineseOf } from "./samples";
import { MAX_CHARS } from "~/utils/form-limits";
import { postJson, SupportNote, useDebouncedEffect } from "./shared";
import { Counts, TokenPieces } from "./token-pieces";
import type { TokenizedSample } from "../../course/widgets/widget-data";

type Mode = "own" | "compare";

export default function TokenizerWidget({ props }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const [mode, setMode] = useState<Mode>(props.mode === "compare" ? "compare" : "own");
  const [showIds, setShowIds] = useState(false);
  const [pairIndex, setPairIndex] = useState(0);
  const pair = SENTENCE_PAIRS[pairIndex] ?? SENTENCE_PAIRS[0]!;
  const starter = locale === "en" ? pair.en : chineseOf(pair, locale);

  return (
    <section className="widget tokenizer-widget" aria-label={t("widget.tokenizer.title")}>
      <p className="widget-kicker">{t("widget.tokenizer.title")}</p>
      <div className="widget-toolbar">
        <div className="segmented" role="group" aria-label={t("widget.tokenizer.mode")}>
          <button type="button" aria-pressed={mode === "own"} onClick={() => setMode("own")}>
            {t("widget.tokenizer.modeOwn")}
          </button>
          <button type="button" aria-pressed={mode === "compare"} onClick={() => setMode("compare")}>
            {t("widget.tokenizer.modeCompare")}
          </button>
        </div>
        <label className="inline-check">
          <input type="checkbox" checked={showIds} onChange={(e) => setShowIds(e.target.checked)} />
          {t("widget.tokenizer.showIds")}
        </label>
      </div>

      {mode === "own" ? (
        <TokenBox label={t("widget.tokenizer.inputLabel")} initial={starter} showIds={showIds} locale={locale} />
      ) : (
        <>
          <div className="row" role="group" aria-label={t("widget.tokenizer.pairs")}>
            {SENTENCE_PAIRS.map((_, i) => (
              <button
                key={i}
                type="button"
                className="secondary chip-button"
                aria-pressed={i === pairIndex}
                onClick={() => setPairIndex(i)}
              >
                {t("widget.tokenizer.pair", { n: i + 1 })}
              </button>
            ))}
          </div>
          <div className="compare-grid">
            <TokenBox key={`en-${pairIndex}`} label={t("widget.tokenizer.english")} lang="en" initial={pair.en} showIds={showIds} locale={locale} />
            <TokenBox
              key={`zh-${pairIndex}`}
              label={t("widget.tokenizer.chinese")}
              lang={locale === "zh-Hant" ? "zh-Hant" : "zh-Hans"}
              initial={chineseOf(pair, locale)}
              showIds={showIds}
              locale={locale}
            />
          </div>
          <p className="small">{t("widget.tokenizer.compareHint")}</p>
        </>
      )}

      <p className="small muted widget-note">{t("widget.tokenizer.honestNote")}</p>
    </section>
  );
}

function TokenBox(p: { label: string; initial: string; showIds: boolean; locale: Locale; lang?: string }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(p.initial);
  const [result, setResult] = useState<TokenizedSample | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useDebouncedEffect(
    (signal) => {
      if (text === "") {
        setResult({ text, pieces: [], count: 0, characters: 0 });
        setError(null);
        return;
      }
      setBusy(true);
      void postJson<TokenizedSample>("/api/tokenize", { text }, t("widget.error.network"), signal).then((r) => {
        if (!r) return;
        setBusy(false);
        if (r.ok) {
          setResult(r.data);
          setError(null);
        } else setError(r.error);
      });
    },
    [text],
    300,
  );

  return (
    <div className="token-box">
      <label htmlFor={`${id}-text`}>{p.label}</label>
      <textarea
        id={`${id}-text`}
        lang={p.lang}
        value={text}
        maxLength={MAX_CHARS.widgetText}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-count`}
      />
      <p id={`${id}-count`} className="token-count" aria-live="polite" aria-busy={busy}>
        {result ? <Counts sample={result} locale={p.locale} /> : error ? null : t("widget.loading")}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {result && result.pieces.length > 0 ? <TokenPieces pieces={result.pieces} showIds={p.showIds} lang={p.lang} /> : null}
      <SupportNote feelings={result?.support} />
    </div>
  );
}
