import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { InvitationActionSchema as ActionSchema } from "~/forms/admin.server";
import { Field } from "~/components/ui/field";
import { TableRegion } from "~/components/ui/table-region";
import { useT } from "~/i18n/use-t";
import { useFocusWhenShown } from "~/components/ui/focus-when-shown";
import { listSchoolTeachers } from "~/teach/school-teachers.server";
import { formatDateTime } from "~/utils/school-time.server";
import { createInvitation, listInvitations, revokeInvitation } from "~/models/invitations.server";
import { publicUrlOf } from "~/models/public-url.server";
import { resetStaffPassword } from "~/models/staff-passwords.server";
import { requireAdmin } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

/** /admin/teachers: the school's teachers, and invitation links for new ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [teachers, invitations] = await Promise.all([listSchoolTeachers(admin), listInvitations(admin)]);
  const now = Date.now();
  return {
    me: admin.id,
    teachers,
    invitations: invitations.map((i) => ({
      id: i.id,
      note: i.note ?? "",
      created: formatDateTime(i.createdAt),
      expires: formatDateTime(i.expiresAt),
      used: formatDateTime(i.usedAt),
      state: i.usedAt ? ("used" as const) : new Date(i.expiresAt).getTime() < now ? ("expired" as const) : ("open" as const),
    })),
  };
}


type Result = { errors: FieldErrors; link?: string; notice?: "revoked"; reset?: { name: string; password: string } };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = validate(ActionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data<Result>({ errors: parsed.errors }, { status: 400 });
  if (parsed.data.intent === "reset") {
    const reset = await resetStaffPassword(admin, parsed.data.teacherId);
    if (!reset) notFound();
    return data<Result>({ errors: {}, reset: { name: reset.displayName, password: reset.password } });
  }
  if (parsed.data.intent === "revoke") {
    await revokeInvitation(admin, parsed.data.invitationId);
    return data<Result>({ errors: {}, notice: "revoked" });
  }
  const { token } = await createInvitation(admin, parsed.data.note || null);
  // The token is shown once, here: only its hash is stored.
  // The school's public address, never the request's Host header (decision 017).
  const link = `${await publicUrlOf(admin)}/signup?invite=${encodeURIComponent(token)}`;
  return data<Result>({ errors: {}, link });
}

export default function AdminTeachers() {
  const { me, teachers, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  return (
    <div className="dash">
      <section aria-labelledby="teachers-h">
        <h2 id="teachers-h">{t("admin.teachers.title")}</h2>
        <TableRegion name={t("admin.teachers.title")}>
          <table data-testid="school-teachers">
            <thead>
              <tr>
                <th scope="col">{t("admin.teachers.name")}</th>
                <th scope="col">{t("admin.teachers.email")}</th>
                <th scope="col">{t("admin.teachers.classes")}</th>
                <th scope="col">{t("admin.stat.students")}</th>
                <th scope="col">{t("admin.teachers.joined")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.invitations.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {teachers.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName} {u.role === "admin" ? <span className="badge brand">{t("admin.teachers.admin")}</span> : null}
                  </th>
                  <td>{u.email}</td>
                  <td>{u.classes}</td>
                  <td>{u.students}</td>
                  <td>{u.joined}</td>
                  <td>
                    {u.id === me ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="reset" />
                        <input type="hidden" name="teacherId" value={u.id} />
                        <button type="submit" className="secondary small-button" aria-label={t("admin.teachers.resetFor", { name: u.displayName })}>
                          {t("admin.teachers.reset")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        {result?.reset ? <NewStaffPassword name={result.reset.name} password={result.reset.password} /> : null}
        {/* only its hidden fields can be wrong (a page from before a change, or a forged post) */}
        {result?.errors.teacherId || result?.errors.invitationId ? (
          <p className="alert error" role="alert">
            {t("admin.teachers.refused")}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="invite-h" className="card invite">
        <h2 id="invite-h">{t("admin.invite.title")}</h2>
        <p className="muted">{t("admin.invite.explain")}</p>
        {result?.link ? (
          <div className="alert success" role="status">
            <p>{t("admin.invite.created")}</p>
            <p>
              <label htmlFor="invite-link">{t("admin.invite.link")}</label>
              <input id="invite-link" type="text" readOnly value={result.link} className="invite-link" />
            </p>
          </div>
        ) : null}
        {result?.notice === "revoked" ? (
          <div className="alert success" role="status">
            {t("admin.invite.revoked")}
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="invite" />
          <Field name="note" label={t("admin.invite.note")} hint={t("admin.invite.noteHint")} error={result?.errors.note} maxLength={MAX_CHARS.inviteNote} />
          <button type="submit" className="primary">
            {t("admin.invite.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="invitations-h">
        <h2 id="invitations-h">{t("admin.invitations.title")}</h2>
        {invitations.length === 0 ? (
          <p className="muted">{t("admin.invitations.none")}</p>
        ) : (
          <TableRegion name={t("admin.invitations.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.invite.note")}</th>
                  <th scope="col">{t("admin.invitations.created")}</th>
                  <th scope="col">{t("admin.invitations.state")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.invitations.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.note || <span className="muted">{t("admin.invitations.noNote")}</span>}</th>
                    <td>{i.created}</td>
                    <td>
                      {i.state === "used" ? (
                        <span className="badge good">{t("admin.invitations.used", { at: i.used })}</span>
                      ) : i.state === "expired" ? (
                        <span className="badge">{t("admin.invitations.expired")}</span>
                      ) : (
                        <span className="badge brand">{t("admin.invitations.open", { at: i.expires })}</span>
                      )}
                    </td>
                    <td>
                      {i.state === "open" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" className="secondary small-button">
                            {t("admin.invitations.revoke")}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </div>
  );
}

/** Shown once: the admin reads it to the teacher, who changes it under Account. */
function NewStaffPassword({ name, password }: { name: string; password: string }) {
  const t = useT();
  const focus = useFocusWhenShown<HTMLDivElement>();
  return (
    <div className="alert success" role="status" tabIndex={-1} ref={focus} data-testid="staff-password">
      <p>{t("admin.teachers.resetDone", { name })}</p>
      <p>
        <label htmlFor="staff-password">{t("admin.teachers.newPassword")}</label>{" "}
        <input id="staff-password" type="text" readOnly value={password} className="invite-link" />
      </p>
      <p className="small">{t("admin.teachers.resetHow")}</p>
    </div>
  );
}
