/**
 * The server's side of <Prerendered> (components/ui/prerendered.tsx): each part rendered once per
 * content object and language, then the same string for every page. A WeakMap, so a part's HTML
 * lives exactly as long as the content it shows.
 */
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import type { RenderOnce } from "./prerendered";
import { I18nScope } from "~/i18n/use-t";

const rendered = new WeakMap<object, Map<string, string>>();

export const renderOnce: RenderOnce = (of, i18n, children: ReactNode) => {
  let byLocale = rendered.get(of);
  if (!byLocale) rendered.set(of, (byLocale = new Map()));
  let html = byLocale.get(i18n.locale);
  if (html === undefined) {
    html = renderToString(<I18nScope value={i18n}>{children}</I18nScope>);
    byLocale.set(i18n.locale, html);
  }
  return html;
};
