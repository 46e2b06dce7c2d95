/**
 * What can happen to a safeguarding flag (flag_events.action), shared by the server that records
 * it (safeguarding.server.ts) and the pages that show its history.
 */
export type FlagAction = "raised" | "emailed" | "email_failed" | "not_emailed" | "handled" | "reviewed" | "dismissed";
/**
 * Why no e-mail went out for an alert (a `not_emailed` event's note), so its history answers the
 * adult's first question — "was the safeguarding lead told?" — instead of leaving it unsaid (found
 * in a teacher's walk: the history read "Raised" and nothing more).
 */
export const NOT_EMAILED_REASONS = ["off", "quiet", "no_address"] as const;
export type NotEmailedReason = (typeof NOT_EMAILED_REASONS)[number];
