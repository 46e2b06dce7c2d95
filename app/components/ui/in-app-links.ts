/**
 * Plain `<a href>` links that still move inside the app: one click listener on their container
 * instead of a `<Link>` per link. A Remix `<Link>` resolves its path and sets up its handlers
 * while rendering, 5–35 µs each on the server: the class page has ~130 (every student's name,
 * twice, and each lesson's guide), which cost more than the rest of its table, and the lesson
 * page's step list cost more than the rest of that page's list (issue 19, decision 030). The
 * browser keeps everything a link does without JavaScript, and new-tab clicks, downloads and links
 * to other sites are left to it. Links to the app's pages only: a container's links are followed
 * as routes. `data-discover` on a link lets Remix learn its route before the click, as for a
 * `<Link>`.
 */
import { useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function useInAppLinks<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const onClick = (event: MouseEvent) => {
      const to = inAppDestination(event, container);
      if (to === null) return;
      event.preventDefault();
      // as a <Link>: the page already shown is replaced, not added to the history again
      navigate(to, { replace: isCurrentLocation(to) });
    };
    container.addEventListener("click", onClick);
    return () => container.removeEventListener("click", onClick);
  }, [navigate]);
  return ref;
}

/** Whether `to` (a path with its query and hash) is the address shown now. */
export function isCurrentLocation(to: string): boolean {
  return to === window.location.pathname + window.location.search + window.location.hash;
}

/**
 * Where a click on a link inside `container` goes in the app, or null when the browser should
 * follow it itself: a modified or middle click (a new tab or window), a download, another
 * target, another site, a place on this same page (`#source-2`: the browser moves the reader and
 * the keyboard's starting point there), or a click that was not on a link.
 */
export function inAppDestination(event: MouseEvent, container: Element): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || !container.contains(link) || link.hasAttribute("download")) return null;
  const target = link.getAttribute("target");
  if (target && target !== "_self") return null;
  const url = new URL(link.getAttribute("href")!, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return url.pathname + url.search + url.hash;
}
