import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

const CONTROL = "input:not([type=hidden]), select, textarea";

/**
 * After a form comes back with a field marked invalid, the keyboard goes to the first such field:
 * a screen reader then reads its label, "invalid" and its error (tied by aria-describedby). Before,
 * the red text under a field appeared in silence, focus still on the button (found in an
 * accessibility walk on /join and /account). Left alone when the page itself moved focus
 * somewhere else than the form's button (a check's result, a quiz's list of what is missing).
 */
export function useFocusOnFirstInvalid() {
  const navigation = useNavigation();
  const submitted = useRef<HTMLFormElement | null>(null);
  const waiting = useRef(false);
  useEffect(() => {
    const remember = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement) submitted.current = event.target;
    };
    document.addEventListener("submit", remember, true);
    return () => document.removeEventListener("submit", remember, true);
  }, []);
  useEffect(() => {
    if (navigation.state !== "idle") {
      waiting.current = true;
      return;
    }
    if (!waiting.current) return;
    waiting.current = false;
    const form = submitted.current;
    submitted.current = null;
    if (!form?.isConnected) return;
    const active = document.activeElement;
    // on the page, the form's button, or the field Enter was pressed in (a 13-year-old's walk: Enter
    // in the password box left focus there, and the name's error was never read)
    const stillOnTheForm = !active || active === document.body || (form.contains(active) && active.matches("button, input, select, textarea"));
    if (!stillOnTheForm) return;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches(CONTROL) ? invalid : invalid?.querySelector<HTMLElement>(CONTROL);
    target?.focus();
  }, [navigation.state]);
}
