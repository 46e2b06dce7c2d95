import type { Translate } from "~/i18n/translate";

/** "Too many tries. Please wait 30 seconds…" in the user's language; minutes from two minutes up. */
export function waitMessage(t: Translate, waitSeconds: number): string {
  if (waitSeconds < 120) return t("auth.throttle.seconds", { seconds: Math.max(2, Math.ceil(waitSeconds)) });
  return t("auth.throttle.minutes", { minutes: Math.ceil(waitSeconds / 60) });
}
