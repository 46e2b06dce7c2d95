/**
 * The chat form that the stream route and the page's no-JavaScript form both post, once its
 * schema (app/forms/playground.server.ts) has validated it: the pipeline's input
 * (pipeline.server.ts turns a form that did not validate into a refusal).
 */
export interface ExchangeInput {
  conversationId: string | null;
  /** null with `regenerate`. */
  prompt: string | null;
  regenerate: boolean;
  model: string;
  /** Explore mode only: the student's own system prompt. */
  system: string | null;
  temperature: number | null;
  maxTokens: number | null;
  /** "lessonSlug:tryitId": a lesson's "try it" may fix the system prompt. */
  tryit: string | null;
}
