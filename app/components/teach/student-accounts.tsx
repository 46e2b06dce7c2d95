/**
 * Student accounts with the actions only the school's admin takes on them (decision 008): a new
 * password, everything held on them as a file, deletion. On a class's admin page, and on the
 * overview for students who are in no class at all.
 */
import { Form } from "@remix-run/react";
import { FormError } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { StudentAccountResult } from "~/forms/student-account-action.server";
import { SignInCards } from "./sign-in-cards";
import { OpenAlertsWarning } from "./open-alerts-warning";
import { ResetPasswordConfirm } from "./reset-password-confirm";
import { StudentTable } from "./student-table";

export interface StudentAccount {
  id: string;
  displayName: string;
  username: string;
  openSafeguarding: number;
}

export function StudentAccounts({ students, caption }: { students: StudentAccount[]; caption: string }) {
  const t = useT();
  return (
    <StudentTable
      students={students}
      caption={caption}
      actions={(s) => (
        <div className="row roster-actions">
          <ResetPasswordConfirm student={s} />
          <a className="button secondary small-button" href={`/admin/students/${s.id}/export.json`} download>
            {t("admin.class.exportAll")}
          </a>
          <details className="roster-more">
            <summary>{t("teach.roster.more", { name: s.displayName })}</summary>
            <Form method="post" className="danger-zone">
              <input type="hidden" name="studentId" value={s.id} />
              <OpenAlertsWarning name={s.displayName} count={s.openSafeguarding} alertsHref="/admin#safeguarding-h" />
              <label className="choice">
                <input type="checkbox" name="confirm" value="yes" required />
                {t("admin.class.deleteConfirm", {
                  name: s.displayName,
                })}
              </label>
              <button type="submit" name="intent" value="delete" className="danger small-button">
                {t("teach.roster.delete")}
              </button>
            </Form>
          </details>
        </div>
      )}
    />
  );
}

/** What an account action did: its error, "done", and a new password's sign-in card. */
export function StudentAccountOutcome({ result, cardsTitle }: { result: StudentAccountResult | undefined; cardsTitle: string }) {
  const t = useT();
  if (!result) return null;
  const error = Object.values(result.errors)[0];
  return (
    <>
      <FormError message={error ? t(error) : null} />
      {result.notice ? (
        <div className="alert success" role="status">
          {t(result.notice === "reset" ? "teach.roster.resetDone" : "teach.roster.deleted")}
        </div>
      ) : null}
      {result.cards.length > 0 ? <SignInCards cards={result.cards} className={cardsTitle} /> : null}
    </>
  );
}
