import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";

/**
 * The admin's one action on the demo data the first start seeded: remove the demo class and
 * demo students with everything they hold, in one go. Shown while they exist, and its result once.
 */
export function DemoDataSection({
  demo,
  removed,
  error,
}: {
  demo: { classIds: string[]; studentIds: string[] } | null;
  removed: { students: number; classes: number } | null;
  error: MessageKey | undefined;
}) {
  const t = useT();
  if (removed) {
    return (
      <div className="alert success" role="status" id="demo-data">
        {t("admin.demo.removed", { students: removed.students, classes: removed.classes })}
      </div>
    );
  }
  if (!demo) return null;
  return (
    <section id="demo-data" aria-labelledby="demo-data-h" className="card danger-zone" style={{ marginTop: "2rem", maxWidth: "40rem" }}>
      <h3 id="demo-data-h" style={{ marginTop: 0 }}>
        {t("admin.demo.title")}
      </h3>
      <p>{t("admin.demo.lead", { students: demo.studentIds.length, classes: demo.classIds.length })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="remove-demo" />
        <label className="choice">
          <input type="checkbox" name="confirm" value="yes" required aria-invalid={error ? true : undefined} />
          {t("admin.demo.confirm")}
        </label>
        {error ? <p className="field-error">{t(error)}</p> : null}
        <button type="submit" className="danger">
          {t("admin.demo.remove")}
        </button>
      </Form>
    </section>
  );
}
