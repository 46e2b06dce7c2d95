import type { ButtonHTMLAttributes, MouseEvent } from "react";

/**
 * A button that cannot be pressed while `inactive` (its work runs, or there is nowhere further to
 * go) and keeps the keyboard's focus meanwhile. A focused button made `disabled` drops focus to
 * the page itself: a keyboard user stepping a widget token by token had to Shift+Tab back after
 * every press, and a screen reader was left on "document" (found in an accessibility walk).
 * Inactive, it is `aria-disabled` (read as unavailable, styled as a disabled button) and ignores
 * clicks — including the click a form's Enter key sends to its submit button.
 */
export function Button({ inactive = false, onClick, type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { inactive?: boolean }) {
  const press = (e: MouseEvent<HTMLButtonElement>) => {
    if (inactive) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return <button {...props} type={type} aria-disabled={inactive || undefined} onClick={press} />;
}
