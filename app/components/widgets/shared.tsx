/** What the interactive widgets share: calling the widget APIs, debouncing, tab memory, help. */
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { Feelings } from "../../course/widgets/widget-data";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * POSTs JSON to a widget API. Errors come back as the API's own message (already in the
 * learner's language) or `fallbackError` when the network failed. Aborted calls resolve to null.
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  fallbackError: string,
  signal?: AbortSignal,
): Promise<ApiResult<T> | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
    if (!response.ok || !json) return { ok: false, error: json?.error ?? fallbackError };
    return { ok: true, data: json };
  } catch (error) {
    if ((error as Error)?.name === "AbortError") return null;
    return { ok: false, error: fallbackError };
  }
}

/** Runs `effect` `delayMs` after the last change of `deps`; a newer run aborts the older one. */
export function useDebouncedEffect(effect: (signal: AbortSignal) => void, deps: unknown[], delayMs: number) {
  const latest = useRef(effect);
  latest.current = effect;
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => latest.current(controller.signal), delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}


/** Remembers a value for this tab (widgets keep state when the learner moves between steps). */
export function useSessionState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(key);
      if (saved !== null) setValue(JSON.parse(saved) as T);
    } catch {
      // Storage can be unavailable (private mode, tests): the widget still works, it just forgets.
    }
  }, [key]);
  const set = (next: T) => {
    setValue(next);
    try {
      sessionStorage.setItem(key, JSON.stringify(next));
    } catch {
      // see above
    }
  };
  return [value, set];
}

/**
 * Where to find help, when a widget API says the text a student typed reads as a crisis or low
 * mood (app/playground/low-mood.ts). Nothing typed in a widget is stored, so no adult hears of it.
 */
export function SupportNote({ feelings }: { feelings: Feelings | undefined }) {
  const t = useT();
  // Chinese sentences follow each other without a space
  const gap = useLocale().startsWith("zh") ? "" : " ";
  if (!feelings) return null;
  return (
    <p className="widget-support" role="note" data-testid="widget-support">
      {t("widget.support.talk")}
      {feelings === "crisis" ? `${gap}${t("widget.support.danger")}` : null}
    </p>
  );
}
