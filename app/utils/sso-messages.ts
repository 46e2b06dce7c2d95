import type { MessageKey } from "~/i18n/catalog/en";

/** Why a school sign-in was refused, as the sign-in page says it. Unknown words show nothing. */
const REASONS: Record<string, MessageKey> = {
  expired: "auth.sso.expired",
  rejected: "auth.sso.rejected",
  stale: "auth.sso.stale",
  provider_error: "auth.sso.providerError",
  provider_unreachable: "auth.sso.unreachable",
  not_configured: "auth.sso.notConfigured",
  domain: "auth.sso.domain",
  no_email: "auth.sso.noEmail",
  taken: "auth.sso.taken",
  denied: "auth.sso.denied",
  busy: "auth.sso.busy",
};

export function ssoRefusal(t: (key: MessageKey) => string, reason: string | null): string | null {
  const key = reason && Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  return key ? t(key) : null;
}
