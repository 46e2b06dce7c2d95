/**
 * Context windows over time, drawn to scale with plain elements (no chart library). Used by the
 * context-window widget (with a linear/log switch) and by its fallback (log scale, no JavaScript).
 */
import type { Locale } from "~/course/types";
import { useLocale, useT } from "~/i18n/use-t";
import type { Translate } from "~/i18n/translate";
import { CONTEXT_WINDOWS, GRID, barFraction, pagesOf, type Scale } from "./context-facts";
import { formatNumber, sentenceGap } from "./format";

export function monthYear(t: Translate, year: number, month: number): string {
  if (month === 0) return String(year);
  const name = t("widget.cw.months").split("|")[month - 1] ?? String(month);
  return t("widget.cw.date", { month: name, year });
}

function gridLabel(tokens: number, locale: Locale): string {
  if (tokens >= 1_000_000) return `${formatNumber(tokens / 1_000_000, locale)}M`;
  if (tokens >= 1_000) return `${formatNumber(tokens / 1_000, locale)}K`;
  return formatNumber(tokens, locale);
}

const asPercent = (fraction: number) => `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(3)}%`;

export function TimelineChart({ scale }: { scale: Scale }) {
  const t = useT();
  const locale = useLocale();
  return (
    <figure className="cw-chart">
      <figcaption>
        {t(scale === "log" ? "widget.cw.captionLog" : "widget.cw.captionLinear")}
      </figcaption>
      <div className="cw-axis" aria-hidden="true">
        {GRID[scale].map((g) => (
          <span key={g} style={{ left: asPercent(barFraction(Math.max(g, 1), scale)) }}>
            {gridLabel(g, locale)}
          </span>
        ))}
      </div>
      <ol className="cw-rows">
        {CONTEXT_WINDOWS.map((w) => {
          const fraction = barFraction(w.tokens, scale);
          const tiny = fraction < 0.005;
          return (
            <li key={w.model + w.year} className="cw-row">
              <span className="cw-label">
                <strong>{w.model}</strong> <span className="muted">{monthYear(t, w.year, w.month)}</span>
              </span>
              <span className="cw-track" aria-hidden="true">
                {GRID[scale].map((g) => (
                  <span key={g} className="cw-grid" style={{ left: asPercent(barFraction(Math.max(g, 1), scale)) }} />
                ))}
                {w.extra ? <span className="cw-bar extra" style={{ width: asPercent(barFraction(w.extra.tokens, scale)) }} /> : null}
                <span className={`cw-bar${tiny ? " tiny" : ""}`} style={{ width: asPercent(fraction) }} />
              </span>
              <span className="cw-value">
                {t("widget.cw.value", { tokens: w.label, pages: formatNumber(pagesOf(w.tokens), locale, 1) })}
                {w.extra
                  ? `${sentenceGap(locale)}${t(w.extra.kind === "preview" ? "widget.cw.extraPreview" : "widget.cw.extraLimited", {
                      tokens: w.extra.label,
                      pages: formatNumber(pagesOf(w.extra.tokens), locale),
                    })}`
                  : ""}
                {tiny ? `${sentenceGap(locale)}${t("widget.cw.tooSmall")}` : ""}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="small muted">{t("widget.cw.legend")}</p>
    </figure>
  );
}
