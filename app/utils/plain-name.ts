/**
 * A person's or a school's name as typed, without what changes how text is shown while unseen:
 * bidirectional controls (U+202E turns everything after it backwards, on a teacher's page and in
 * every export), zero-width spaces and marks, other format and control characters. Zero-width
 * joiners and non-joiners stay: emoji and some scripts (Persian, Indic) need them. Runs of
 * whitespace become one space.
 */
const UNSEEN = /[\p{Cc}\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/gu;

export function plainName(text: string): string {
  return text.replace(UNSEEN, "").replace(/\s+/g, " ").trim();
}
