import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/**
 * "New password" asks first, naming the student: the old password stops working at once, so a
 * slip of the mouse must not lock a student out mid-lesson. A disclosure, so no JS is needed.
 */
export function ResetPasswordConfirm({ student }: { student: { id: string; displayName: string; username: string } }) {
  const t = useT();
  return (
    <details className="roster-more reset-confirm">
      <summary>{t("teach.roster.reset")}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="studentId" value={student.id} />
        <p className="small" style={{ margin: 0, maxWidth: "22rem" }}>
          {t("teach.roster.resetAsk", { name: student.displayName, username: student.username })}
        </p>
        <button type="submit" name="intent" value="reset" className="primary small-button">
          {t("teach.roster.resetConfirm", { name: student.displayName })}
        </button>
      </Form>
    </details>
  );
}
