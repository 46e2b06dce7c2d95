/**
 * Text with its Chinese runs in a <span lang> when the page is not Chinese (hanRuns, WCAG 3.1.2):
 * the one way course text reaches the page, whether it was compiled to blocks (a lesson's
 * paragraphs, tables, code) or is a plain string (a question's prompt, choices and explanation).
 */
import { hanRuns } from "~/i18n/han-runs";
import { useLocale } from "~/i18n/use-t";

export function MarkedText({ text }: { text: string }) {
  const pieces = hanRuns(text, useLocale());
  return (
    <>
      {pieces.map((piece, i) =>
        piece.lang ? (
          <span key={i} lang={piece.lang}>
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
