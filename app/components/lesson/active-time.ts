/**
 * Active time on task, measured in the browser: a second counts only while the page is visible
 * and the learner did something (key, pointer, scroll, touch) in the last minute. Seconds are sent
 * in small increments — after the first 5 active seconds in a lesson, then every 30, when the page
 * is hidden or left, and with the "Next" form — to /learn/<lesson>/time. The server bounds every increment again.
 */
import { useEffect } from "react";

const IDLE_AFTER_MS = 60_000;
const FLUSH_EVERY_SECONDS = 30;
/**
 * A lesson opened is reported after this many active seconds, not 30: the teacher's live view
 * learns which lesson a student is in from these reports, and showed the last one for up to 40 s
 * (found in a walk). Once per lesson and page, so it adds one request per lesson opened.
 */
const FIRST_REPORT_SECONDS = 5;
const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "touchstart"] as const;

let pending = 0;
let lastInput = 0;
let target: { lessonSlug: string; position: string } | null = null;
/** The lesson whose opening has been reported (see FIRST_REPORT_SECONDS). */
let reportedLesson: string | null = null;

/** Takes the seconds not yet sent, for a form that carries them (the "Next" button). */
export function takePendingSeconds(): number {
  const seconds = pending;
  pending = 0;
  return seconds;
}

function flush() {
  if (!target || pending <= 0) return;
  const body = new URLSearchParams({ seconds: String(takePendingSeconds()), step: target.position });
  // keepalive lets the request finish while the page is being left.
  fetch(`/learn/${target.lessonSlug}/time`, {
    method: "POST",
    body,
    keepalive: true,
    credentials: "same-origin",
    redirect: "manual",
  }).catch(() => {
    // Offline: a few lost seconds are not worth a retry queue.
  });
}

/** Counts active seconds while a signed-in learner is on this step (or the quiz). */
export function useActiveTime(enabled: boolean, lessonSlug: string, position: string) {
  useEffect(() => {
    if (!enabled) return;
    target = { lessonSlug, position };
    lastInput = Date.now();
    const onInput = () => {
      lastInput = Date.now();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
      else lastInput = Date.now();
    };
    const tick = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastInput < IDLE_AFTER_MS) pending++;
      if (pending >= FLUSH_EVERY_SECONDS || (lessonSlug !== reportedLesson && pending >= FIRST_REPORT_SECONDS)) {
        reportedLesson = lessonSlug;
        flush();
      }
    }, 1000);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      flush();
      target = null;
      window.clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [enabled, lessonSlug, position]);
}
