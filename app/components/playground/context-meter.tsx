import { useLocale, useT } from "~/i18n/use-t";
import type { ModelView } from "./types";

/** How full the model's context window is: the lesson on long context, made visible. */
export function ContextMeter({ tokens, model }: { tokens: number; model: ModelView }) {
  const t = useT();
  const locale = useLocale();
  const number = (n: number) => n.toLocaleString(locale);
  if (model.provider === "mini") {
    return <p className="pg-meter small muted">{t("playground.meter.mini", { n: model.contextWindow })}</p>;
  }
  const share = Math.min(tokens / model.contextWindow, 1);
  return (
    <div className="pg-meter small">
      <span id="pg-meter-label">{t("playground.meter.label")}</span>{" "}
      <meter aria-labelledby="pg-meter-label pg-meter-value" min={0} max={model.contextWindow} value={tokens} low={model.contextWindow * 0.75} high={model.contextWindow * 0.9} optimum={0} />{" "}
      <span id="pg-meter-value">
        {t("playground.meter.value", { used: number(tokens), max: number(model.contextWindow) })}
        {share >= 0.01 ? ` (${Math.round(share * 100)}%)` : ""}
      </span>
    </div>
  );
}
