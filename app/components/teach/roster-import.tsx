import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/ui/field";
import { StatList } from "~/components/ui/stat-list";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalog/en";
import type { RosterImportView } from "~/forms/roster-import.server";
import { RosterNoteItem, RosterProblemItem, useRowPlace } from "./roster-problem";
import { SignInCards } from "./sign-in-cards";
import { Button } from "~/components/ui/button";
import { useFocusWhenShown } from "~/components/ui/focus-when-shown";

const ACTION_LABEL: Record<"create" | "update" | "move" | "unchanged", MessageKey> = {
  create: "teach.import.action.create",
  update: "teach.import.action.update",
  move: "teach.import.action.move",
  unchanged: "teach.import.action.unchanged",
};

/**
 * Roster import, the same for a teacher's class and the admin's school: the upload form, the
 * preview (who will be created, updated, moved or left alone, and each row's problem by file and
 * line), the confirm, and the sign-in cards of the new students. Plain form posts: it works
 * without JavaScript.
 */
/** From this many new accounts the confirm says how long it takes (each first password is hashed, ~40 ms). */
const LONG_IMPORT = 200;
/** Generous: two hashes at a time at ~40 ms, on a machine also serving pages. */
const minutesToCreate = (accounts: number) => Math.max(1, Math.ceil((accounts * 0.05) / 60));

export function RosterImport({ view, school, cardsTitle }: { view: RosterImportView | undefined; school: boolean; cardsTitle: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const where = useRowPlace();
  // the pressed button goes away (or the answer appears far below it): the keyboard goes to the answer
  const previewRef = useFocusWhenShown<HTMLHeadingElement>();
  const doneRef = useFocusWhenShown<HTMLDivElement>();
  const counts = view && view.stage !== "form" ? view.counts : null;
  const stats = counts
    ? [
        { label: t("teach.import.count.create"), value: counts.create },
        { label: t("teach.import.count.update"), value: counts.update },
        { label: t("teach.import.count.move"), value: counts.move },
        { label: t("teach.import.count.unchanged"), value: counts.unchanged },
      ]
    : [];
  return (
    <div className="stack roster-import">
      {view?.stage === "done" ? (
        <>
          <div className="alert success no-print" role="status" ref={doneRef} tabIndex={-1}>
            {t("teach.import.done", { created: view.counts.create, updated: view.counts.update, moved: view.counts.move, unchanged: view.counts.unchanged })}
            {view.newClasses > 0 ? ` ${t("teach.import.doneClasses", { count: view.newClasses })}` : null}
          </div>
          {view.cards.length > 0 ? <SignInCards cards={view.cards} className={cardsTitle} /> : null}
        </>
      ) : null}

      {view?.stage === "preview" ? (
        <section aria-labelledby="preview-h" className="no-print">
          <h3 id="preview-h" ref={previewRef} tabIndex={-1}>
            {t("teach.import.previewTitle")}
          </h3>
          {view.changed ? (
            <div className="alert warn" role="alert">
              {t("teach.import.changed")}
            </div>
          ) : (
            <p className="muted">{t("teach.import.previewLead")}</p>
          )}
          <StatList stats={stats} testId="roster-counts" />
          {view.notes.length > 0 ? (
            <div className="alert info">
              <ul data-testid="roster-notes" style={{ margin: 0 }}>
                {view.notes.map((n, i) => (
                  <RosterNoteItem key={i} note={n} />
                ))}
              </ul>
            </div>
          ) : null}
          {view.newClasses.length > 0 ? (
            <p>
              {t("teach.import.newClasses")}{" "}
              {view.newClasses.map((c) => t("teach.import.newClass", { title: c.title, teacher: c.teacherName })).join(t("teach.import.listSeparator"))}
            </p>
          ) : null}
          {view.problems.length > 0 ? (
            <div className="alert warn">
              <h4 style={{ marginTop: 0 }}>{t("teach.import.problemsTitle", { n: view.problems.length })}</h4>
              <ul data-testid="roster-problems">
                {view.problems.map((p, i) => (
                  <RosterProblemItem key={i} problem={p} />
                ))}
              </ul>
            </div>
          ) : null}
          {view.rows.length > 0 ? (
            <div className="table-scroll">
              <table data-testid="roster-preview">
                <caption className="visually-hidden">{t("teach.import.previewTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("teach.import.col.row")}</th>
                    <th scope="col">{t("teach.roster.name")}</th>
                    <th scope="col">{t("teach.roster.username")}</th>
                    <th scope="col">{t("teach.import.col.what")}</th>
                    <th scope="col">{t("teach.import.col.classes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((r) => (
                    <tr key={`${r.file}:${r.line}`}>
                      <td className="small">{where(r.file, r.line)}</td>
                      <td>
                        {r.displayName}
                        {r.previousName ? <span className="small muted"> {t("teach.import.was", { name: r.previousName })}</span> : null}
                      </td>
                      <td>
                        <code>{r.username}</code>
                      </td>
                      <td>{t(ACTION_LABEL[r.action])}</td>
                      <td className="small">
                        {r.classes.length > 0 ? t("teach.import.joins", { classes: r.classes.join(t("teach.import.listSeparator")) }) : null}
                        {r.leaves.length > 0 ? ` ${t("teach.import.leaves", { classes: r.leaves.join(t("teach.import.listSeparator")) })}` : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {view.hiddenRows > 0 ? <p className="muted small">{t("teach.import.moreRows", { count: view.hiddenRows })}</p> : null}
          {counts && counts.create + counts.update + counts.move > 0 ? (
            <Form method="post" className="row" style={{ marginTop: "1rem" }}>
              <input type="hidden" name="token" value={view.token} />
              <Button type="submit" name="intent" value="confirm" className="primary" inactive={busy}>
                {t("teach.import.confirm", { count: counts.create + counts.update + counts.move })}
              </Button>
              <a href="?" className="button secondary">
                {t("teach.import.cancel")}
              </a>
              {counts.create >= LONG_IMPORT ? (
                <p className="hint" style={{ flexBasis: "100%" }}>
                  {t("teach.import.takesMinutes", { count: counts.create, minutes: minutesToCreate(counts.create) })}
                </p>
              ) : null}
            </Form>
          ) : (
            // "everyone is up to date" would be false when the file's rows were all left out
            <p className="muted">{t(view.rows.length === 0 && view.problems.length > 0 ? "teach.import.nothingImportable" : "teach.import.nothingToDo")}</p>
          )}
        </section>
      ) : null}

      <section className="card no-print" aria-labelledby="import-h" style={{ maxWidth: "44rem" }}>
        <h3 id="import-h" style={{ marginTop: 0 }}>
          {t("teach.import.uploadTitle")}
        </h3>
        <p className="small muted">{t(school ? "teach.import.uploadLeadSchool" : "teach.import.uploadLeadClass")}</p>
        <p className="small">
          {/* a plain link: the browser downloads it, with or without JavaScript */}
          <a href={school ? "/teach/roster-template.csv?for=school" : "/teach/roster-template.csv"} download data-testid="roster-template">
            {t("teach.import.template")}
          </a>
        </p>
        <FormError message={view?.stage === "form" && view.errors.token ? t(view.errors.token) : null} />
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="roster-files">{t("teach.import.files")}</label>
            <p className="hint" id="roster-files-hint">
              {t("teach.import.filesHint")}
            </p>
            <input id="roster-files" type="file" name="files" multiple accept=".zip,.csv,.tsv,.txt,text/csv,application/zip" aria-describedby="roster-files-hint" />
          </div>
          <Field
            name="pasted"
            multiline
            rows={6}
            label={t("teach.import.paste")}
            hint={t(school ? "teach.import.pasteHintSchool" : "teach.import.pasteHintClass")}
            error={view?.stage === "form" ? view.errors.pasted : undefined}
          />
          <div>
            <Button type="submit" name="intent" value="preview" className="primary" inactive={busy}>
              {t("teach.import.preview")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
