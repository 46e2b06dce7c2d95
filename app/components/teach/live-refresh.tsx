/**
 * Keeps a dashboard page current while it is open: every ~10 s it asks Remix to re-run the
 * page's loaders (useRevalidator), which swaps in new data without a reload and without
 * flicker — the old rows stay on screen until the new ones arrive, and React updates only the
 * cells that changed. Paused while the tab is hidden (no point polling a tab nobody sees) and
 * refreshed at once when it comes back. A button pauses it (WCAG 2.2.2: moving content can be
 * paused). Without JavaScript the page is simply static, with a plain "Refresh" link.
 */
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigation, useRevalidator } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export const LIVE_INTERVAL_MS = 10_000;

export function useLiveRefresh(intervalMs = LIVE_INTERVAL_MS) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const [paused, setPaused] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  // Refs, so the interval is set up once and never restarts on every render.
  const busy = useRef(false);
  busy.current = revalidator.state !== "idle" || navigation.state !== "idle";
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (paused) return;
    const tick = () => {
      if (document.visibilityState === "visible" && !busy.current) revalidate.current();
    };
    const timer = window.setInterval(tick, intervalMs);
    const onVisibility = () => {
      if (document.visibilityState === "visible") tick();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [paused, intervalMs]);

  return { paused, setPaused, hydrated };
}

/** "Live · updated 10:42:13 · Pause" — the status line, with the pause switch. */
export function LiveStatus({ updatedLabel }: { updatedLabel: string }) {
  const t = useT();
  const location = useLocation();
  const { paused, setPaused, hydrated } = useLiveRefresh();
  const live = hydrated && !paused;
  return (
    <div className="live-status no-print" data-testid="live-status" data-live={live ? "on" : "off"}>
      <span className={live ? "live-dot on" : "live-dot"} aria-hidden="true" />
      <span>
        {live ? t("teach.dash.live.on") : hydrated ? t("teach.dash.live.paused") : t("teach.dash.live.static")}{" "}
        <span className="muted" data-testid="live-updated">
          {t("teach.dash.live.updated", { at: updatedLabel })}
        </span>
      </span>
      {hydrated ? (
        <button type="button" className="secondary small-button" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
          {paused ? t("teach.dash.live.resume") : t("teach.dash.live.pause")}
        </button>
      ) : (
        <Link to={location.pathname + location.search} className="button secondary small-button">
          {t("teach.dash.live.refresh")}
        </Link>
      )}
    </div>
  );
}
