import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RosterActionSchema as ActionSchema } from "~/forms/teach.server";
import { Field, FormError } from "~/components/ui/field";
import type { Translate } from "~/i18n/translate";
import { OpenAlertsWarning } from "~/components/teach/open-alerts-warning";
import { SignInCards } from "~/components/teach/sign-in-cards";
import { plainName } from "~/utils/plain-name";
import { useT } from "~/i18n/use-t";
import { listTeacherClasses, requireTeacherOf } from "~/models/classes.server";
import { byStudentName } from "~/utils/name-order";
import { localeOf } from "~/utils/locale-of.server";
import { addStudents, deleteStudent, listClassStudents, moveToClass, removeFromClass, repeatedNames, resetStudentPassword } from "~/models/students.server";
import { printableCards, type PrintableCard } from "~/models/sign-in-cards.server";
import { RepeatedNamesWarning, type RepeatedNames } from "~/components/teach/repeated-names-warning";
import { ResetPasswordConfirm } from "~/components/teach/reset-password-confirm";
import { StudentTable } from "~/components/teach/student-table";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import cardStyles from "~/styles/roster.css";
import { Button } from "~/components/ui/button";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: cardStyles }];

const MAX_NAMES = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const [students, classes, locale] = await Promise.all([listClassStudents(teacher, cls.id), listTeacherClasses(teacher), localeOf(request)]);
  students.sort(byStudentName(locale));
  return {
    classId: cls.id,
    className: cls.name,
    joinCode: cls.joinEnabled ? cls.joinCode : null,
    students,
    otherClasses: classes.filter((c) => c.id !== cls.id).map((c) => ({ id: c.id, name: c.name })),
  };
}

type ActionResult = { errors: FieldErrors; cards: PrintableCard[]; notice: string | null; repeated?: RepeatedNames };

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const parsed = validate(ActionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, cards: [], notice: null }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "add": {
      const names = parseNames(input.names);
      if (names.length === 0) return data<ActionResult>({ errors: { names: "form.required" }, cards: [], notice: null }, { status: 400 });
      if (names.length > MAX_NAMES) return data<ActionResult>({ errors: { names: "teach.roster.tooMany" }, cards: [], notice: null }, { status: 400 });
      if (!input.allowRepeats) {
        // nothing is written until the teacher has seen and confirmed the repeated names
        const repeated = await repeatedNames(teacher, cls.id, names);
        if (repeated.inClass.length + repeated.inList.length > 0) {
          return data<ActionResult>({ errors: {}, cards: [], notice: null, repeated: { ...repeated, names: input.names } });
        }
      }
      const cards = await printableCards(teacher, await addStudents(teacher, cls.id, names));
      return data<ActionResult>({ errors: {}, cards, notice: "added" });
    }
    case "reset": {
      const reset = await resetStudentPassword(teacher, cls.id, input.studentId);
      if (!reset.ok) return needsAdmin();
      return data<ActionResult>({ errors: {}, cards: await printableCards(teacher, [reset.value]), notice: "reset" });
    }
    case "remove":
      await removeFromClass(teacher, cls.id, input.studentId);
      return data<ActionResult>({ errors: {}, cards: [], notice: "removed" });
    case "move":
      await moveToClass(teacher, cls.id, input.studentId, input.toClassId);
      return data<ActionResult>({ errors: {}, cards: [], notice: "moved" });
    case "delete": {
      const deleted = await deleteStudent(teacher, cls.id, input.studentId);
      if (!deleted.ok) return needsAdmin(deleted.reason === "safeguarding_record" ? "teach.roster.safeguardingRecord" : "teach.roster.needsAdmin");
      return data<ActionResult>({ errors: {}, cards: [], notice: "deleted" });
    }
  }
}

/**
 * A shared student's account is the admin's to reset or delete (decision 008), and so is deleting
 * a student with a safeguarding record; the page says so too.
 */
function needsAdmin(key: "teach.roster.needsAdmin" | "teach.roster.safeguardingRecord" = "teach.roster.needsAdmin") {
  return data<ActionResult>({ errors: { studentId: key }, cards: [], notice: null }, { status: 403 });
}

/** One name per line (commas and tabs also separate, as when pasting from a spreadsheet). */
function parseNames(text: string): string[] {
  return text
    .split(/[\n\r\t,;，；]+/)
    .map((n) => plainName(n).slice(0, 60))
    .filter((n) => n.length > 0);
}

/** An error from a student's row (confirm box, a tampered id): shown above the list. */
function rowActionError(result: ActionResult | undefined, t: Translate): string | null {
  const key = Object.entries(result?.errors ?? {}).find(([field]) => field !== "names")?.[1];
  return key ? t(key) : null;
}

export default function Roster() {
  const { classId, className, joinCode, students, otherClasses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const notices: Record<string, string> = {
    added: t("teach.roster.added", { count: result?.cards.length ?? 0 }),
    reset: t("teach.roster.resetDone"),
    removed: t("teach.roster.removed"),
    moved: t("teach.roster.moved"),
    deleted: t("teach.roster.deleted"),
  };
  return (
    <section aria-labelledby="roster-h">
      <h2 id="roster-h" className="no-print">
        {t("teach.roster.title", { n: students.length })}
      </h2>
      <FormError message={rowActionError(result, t)} />
      {result?.notice ? (
        <div className="alert success no-print" role="status">
          {notices[result.notice]}
        </div>
      ) : null}
      {result?.repeated ? <RepeatedNamesWarning repeated={result.repeated} /> : null}
      {result && result.cards.length > 0 ? <SignInCards cards={result.cards} className={className} /> : null}
      <div className="no-print">
        {students.length === 0 ? <p className="muted">{t("teach.roster.empty")}</p> : null}
        {students.length > 0 ? (
          <StudentTable
            students={students}
            caption={t("teach.roster.tableCaption")}
            actions={(s) => (
              <>
                <div className="row roster-actions">
                  {s.needsAdmin ? null : <ResetPasswordConfirm student={s} />}
                  <a className="button secondary small-button" href={`/teach/classes/${classId}/roster/${s.id}/export.json`} download>
                    {t("teach.roster.export")}
                  </a>
                  <details className="roster-more">
                    <summary>{t("teach.roster.more", { name: s.displayName })}</summary>
                    <div className="stack">
                      {otherClasses.length > 0 ? (
                        <Form method="post" className="row">
                          <input type="hidden" name="studentId" value={s.id} />
                          <label htmlFor={`move-${s.id}`}>{t("teach.roster.moveTo")}</label>
                          <select id={`move-${s.id}`} name="toClassId" style={{ maxWidth: "14rem" }}>
                            {otherClasses.map((c) => (
                              <option key={c.id} value={c.id}>
                                {c.name}
                              </option>
                            ))}
                          </select>
                          <button type="submit" name="intent" value="move" className="secondary small-button">
                            {t("teach.roster.move")}
                          </button>
                        </Form>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="studentId" value={s.id} />
                        <button type="submit" name="intent" value="remove" className="secondary small-button">
                          {t("teach.roster.remove")}
                        </button>
                      </Form>
                      {s.needsAdmin || s.safeguardingRecord ? null : (
                        <Form method="post" className="danger-zone">
                          <input type="hidden" name="studentId" value={s.id} />
                          <OpenAlertsWarning name={s.displayName} count={s.openSafeguarding} alertsHref={`/teach/classes/${classId}#safeguarding-h`} />
                          <label className="choice">
                            <input type="checkbox" name="confirm" value="yes" required />
                            {t("teach.roster.deleteConfirm", { name: s.displayName })}
                          </label>
                          <button type="submit" name="intent" value="delete" className="danger small-button">
                            {t("teach.roster.delete")}
                          </button>
                        </Form>
                      )}
                    </div>
                  </details>
                </div>
                {s.needsAdmin ? (
                  <p className="small muted roster-shared">{t("teach.roster.sharedNote")}</p>
                ) : s.safeguardingRecord ? (
                  <p className="small muted roster-shared">{t("teach.roster.safeguardingNote")}</p>
                ) : null}
              </>
            )}
          />
        ) : null}
        <section className="card" aria-labelledby="add-h" style={{ marginTop: "1.5rem", maxWidth: "40rem" }}>
          <h3 id="add-h" style={{ marginTop: 0 }}>
            {t("teach.roster.addTitle")}
          </h3>
          <Form method="post">
            <input type="hidden" name="intent" value="add" />
            <Field
              name="names"
              multiline
              rows={8}
              label={t("teach.roster.names")}
              hint={t("teach.roster.namesHint", { max: MAX_NAMES })}
              error={result?.errors.names}
              defaultValue={result?.repeated?.names}
            />
            <Button type="submit" className="primary" inactive={busy}>
              {t("teach.roster.addSubmit")}
            </Button>
          </Form>
          {joinCode ? <p className="small muted">{t("teach.roster.orJoin", { code: joinCode })}</p> : null}
          <p className="small">
            <Link to={`/teach/classes/${classId}/import`}>{t("teach.import.importLink")}</Link>
          </p>
        </section>
      </div>
    </section>
  );
}
