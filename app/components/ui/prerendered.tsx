/**
 * A part of a page that is the same for every reader of a language: a lesson's text between its
 * questions, its list of sources. The server renders it to HTML once and writes that string into
 * every later page; React rendered its elements again on every page, and that was the largest
 * part of a lesson page's server time after the framework's own (issue 19). The browser renders
 * the same children, so hydration finds exactly the nodes React would have made.
 *
 * Only for children that read nothing but the language: no router, no user, no `useId` (an id
 * made in isolation is not the id the page would make), no state the server renders; and only
 * strings every catalog of the language holds alike (the student's: a staff catalog adds its own),
 * as a part is kept per language, whoever's page rendered it first.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useI18n, type I18n } from "~/i18n/use-t";

/**
 * The HTML of `children` as rendered for `of` in this language, made once (the server's renderer;
 * entry.server.tsx provides it, the browser has none). `of` is the content object the children
 * show: it outlives every request, and a cached HTML string goes with it.
 */
export type RenderOnce = (of: object, i18n: I18n, children: ReactNode) => string;

export const PrerenderContext = createContext<RenderOnce | null>(null);

type Tag = "div" | "section";

export function Prerendered({
  of,
  as: Element = "div",
  children,
  ...attributes
}: {
  of: object;
  as?: Tag;
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
}) {
  const renderOnce = useContext(PrerenderContext);
  const i18n = useI18n();
  if (!renderOnce) return <Element {...attributes}>{children}</Element>;
  return <Element {...attributes} dangerouslySetInnerHTML={{ __html: renderOnce(of, i18n, children) }} />;
}
