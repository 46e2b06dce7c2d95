import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

/** How long the first token may take before we say why the student is waiting. */
export const WAITING_NOTE_DELAY_MS = 3000;

/**
 * A local model server can take a minute to load a model before its first token. Rather than a
 * silent spinner (or a timeout), after a few seconds say politely what is happening. The
 * region is always rendered so screen readers announce the text when it appears.
 */
export function WaitingNote({ waiting }: { waiting: boolean }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setShown(false);
    if (!waiting) return;
    const timer = setTimeout(() => setShown(true), WAITING_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return (
    <p role="status" aria-live="polite" className="pg-waiting small muted">
      {waiting && shown ? t("playground.waiting") : null}
    </p>
  );
}
