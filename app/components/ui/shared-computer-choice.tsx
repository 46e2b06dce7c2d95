/**
 * "This is a shared computer", on every way in that starts a session: a password, a join code,
 * the school's sign-in. Ticked, the session ends when the browser closes or after 15 idle
 * minutes (session.server.ts), so the next pupil at a school computer is not signed in as the last.
 * `hint` names what else to do (the school's account stays signed in at its provider).
 */
import { useId } from "react";
import { useT } from "~/i18n/use-t";

export function SharedComputerChoice({ hint }: { hint?: string }) {
  const t = useT();
  const hintId = useId();
  return (
    <div className="field">
      <label className="choice">
        <input type="checkbox" name="shared" value="yes" aria-describedby={hintId} />
        <span>{t("auth.signIn.shared")}</span>
      </label>
      <p id={hintId} className="hint">
        {hint ?? t("auth.signIn.sharedHint")}
      </p>
    </div>
  );
}
