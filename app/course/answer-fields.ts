/**
 * Form field names of a question's answer, shared by the form (components/lesson) and its parser
 * (lesson-forms.server.ts) so they cannot drift apart.
 */

/** The value of the "I'm not sure" radio of single-choice questions. */
export const NOT_SURE_VALUE = "_not_sure";

export type AnswerField = "choice" | "text" | "notSure" | "confidence";

export function fieldName(questionId: string, field: AnswerField): string {
  return `a.${questionId}.${field}`;
}
