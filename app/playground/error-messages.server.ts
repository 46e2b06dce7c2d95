/**
 * What a student (12–17) reads when a playground call fails: what happened and what to do next,
 * in their language. Set-up problems say plainly that it is not the student's fault and that the
 * teacher can fix it. The words are in the catalogs (`playground.error.*`).
 */
import { translator } from "~/i18n/catalogs.server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/locales";
import type { PlainKey } from "~/i18n/translate";
import type { ProviderErrorCode } from "./provider";

const KEYS: Record<ProviderErrorCode, PlainKey> = {
  bad_request: "playground.error.bad_request",
  auth: "playground.error.auth",
  permission: "playground.error.permission",
  not_found: "playground.error.not_found",
  too_large: "playground.error.too_large",
  rate_limited: "playground.error.rate_limited",
  server: "playground.error.server",
  overloaded: "playground.error.overloaded",
  timeout: "playground.error.timeout",
  connection: "playground.error.connection",
  address_refused: "playground.error.address_refused",
  stream_error: "playground.error.stream_error",
  // the student pressed Stop: the same words as the chat's own "stopped" note
  aborted: "playground.stopped",
};

/**
 * Unknown locales fall back to English rather than showing nothing. `service` names what failed:
 * Claude, or the school connection's name ("School lab server"), so a student of a class on a
 * local model is not told that Claude is busy.
 */
export function providerErrorMessage(code: ProviderErrorCode, locale: string, service = "Claude"): string {
  return translator(isLocale(locale) ? locale : DEFAULT_LOCALE)(KEYS[code], { service });
}
