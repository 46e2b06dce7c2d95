/**
 * The mini model's top next tokens as a bar chart made of a table: every bar has its value
 * written beside it, so the chart reads without colour, without sight and without JavaScript
 * (the fallback renders the same table from server-computed numbers).
 */
import { useId } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber, percent, visiblePiece } from "./format";
import type { NextTokenView } from "../../course/widgets/widget-data";

/**
 * `topK`: the cut-off the chances were computed with. The note sits right under the table, next
 * to the column it changes, and the column header points to it (aria-describedby).
 */
export function NextTokenBars({
  view,
  temperature,
  topK,
}: {
  view: NextTokenView;
  temperature?: number;
  topK?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const noteId = useId();
  if (view.candidates.length === 0)
    return <p className="muted">{t("widget.nextToken.noGuesses")}</p>;
  const showNote = temperature !== undefined && topK !== undefined;
  return (
    <>
      <table className="bars-table">
        <caption>{t("widget.nextToken.chartCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("widget.nextToken.colToken")}</th>
            <th scope="col">{t("widget.nextToken.colProbability")}</th>
            {temperature === undefined ? null : (
              <th scope="col" aria-describedby={showNote ? noteId : undefined}>
                {t("widget.nextToken.colChance", {
                  t: formatNumber(temperature, locale, 1),
                })}
                {showNote ? <span aria-hidden="true"> *</span> : null}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {view.candidates.map((c, i) => (
            <tr key={i}>
              <th scope="row">
                <span className={c.end ? "token token-end tone-0" : "token tone-0"}>
                  {c.end ? t("widget.nextToken.end") : visiblePiece(c.piece)}
                </span>
              </th>
              <td>
                <Bar value={c.p} label={percent(c.p, locale)} />
              </td>
              {temperature === undefined ? null : (
                <td>
                  <Bar
                    value={c.chance}
                    label={percent(c.chance, locale)}
                    variant="chance"
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {showNote ? (
        <p id={noteId} className="small topk-note">
          <span aria-hidden="true">* </span>
          {t("widget.nextToken.topKNote", { k: topK })}
        </p>
      ) : null}
    </>
  );
}

function Bar({
  value,
  label,
  variant,
}: {
  value: number;
  label: string;
  variant?: "chance";
}) {
  return (
    <span className="bar-cell">
      <span className="bar-track" aria-hidden="true">
        <span
          className={`bar-fill${variant ? ` ${variant}` : ""}`}
          style={{ width: `${Math.min(100, value * 100)}%` }}
        />
      </span>
      <span className="bar-value">{label}</span>
    </span>
  );
}

/** The few pieces the mini model reads: its whole context window. */
export function ModelWindow({ window }: { window: string[] }) {
  const t = useT();
  if (window.length === 0)
    return (
      <p className="small model-window">{t("widget.nextToken.windowEmpty")}</p>
    );
  return (
    <p className="small model-window">
      {t("widget.nextToken.window", { n: window.length })}{" "}
      {window.map((piece, i) => (
        <span key={i} className="token tone-2">
          {visiblePiece(piece)}
        </span>
      ))}
    </p>
  );
}
