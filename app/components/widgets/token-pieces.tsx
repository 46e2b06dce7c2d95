/** How a tokenization is shown, by the tokenizer widget and by its no-JavaScript fallback. */
import type { Locale } from "~/course/types";
import { useT } from "~/i18n/use-t";
import { formatNumber, visiblePiece } from "./format";
import type { TokenPieceView, TokenizedSample } from "../../course/widgets/widget-data";

export function Counts({ sample, locale }: { sample: Pick<TokenizedSample, "count" | "characters">; locale: Locale }) {
  const t = useT();
  return (
    <>
      <strong>{t("widget.tokenizer.tokens", { n: formatNumber(sample.count, locale) })}</strong>
      {" · "}
      {t("widget.tokenizer.characters", { n: formatNumber(sample.characters, locale) })}
      {sample.characters > 0 ? (
        <>
          {" · "}
          {t("widget.tokenizer.perCharacter", { n: formatNumber(sample.count / sample.characters, locale, 2) })}
        </>
      ) : null}
    </>
  );
}

/** The pieces, alternately shaded and each boxed, so boundaries show with or without colour. */
export function TokenPieces({ pieces, showIds, lang }: { pieces: TokenPieceView[]; showIds: boolean; lang?: string }) {
  const t = useT();
  return (
    <>
      <ol className="token-pieces" aria-label={t("widget.tokenizer.piecesLabel")} lang={lang}>
        {pieces.map((piece, i) => (
          <li key={i} className={`token tone-${i % 3}`} title={piece.ids.join(", ")}>
            <span className="token-text">{visiblePiece(piece.text)}</span>
            {piece.ids.length > 1 ? (
              <span className="token-multi">
                {" "}
                {t("widget.tokenizer.multi", { n: piece.ids.length })}
              </span>
            ) : null}
            {showIds ? <span className="token-id">{piece.ids.join(" ")}</span> : null}
          </li>
        ))}
      </ol>
      <p className="small muted">{t("widget.tokenizer.legend")}</p>
    </>
  );
}
