import { useCallback } from "react";

/**
 * A ref that gives the keyboard's focus to its element when the element appears (and `when`
 * holds): for what a form's answer shows — a quiz's score, an import's preview — so a screen
 * reader reads it and the next Tab starts there, instead of focus staying on a button far above or
 * falling to the page when the button goes away. A callback ref, so an element shown later by a
 * component already on the page is focused too. The element needs tabIndex={-1}.
 */
export function useFocusWhenShown<T extends HTMLElement>(when = true) {
  return useCallback(
    (element: T | null) => {
      if (element && when) element.focus();
    },
    [when],
  );
}
