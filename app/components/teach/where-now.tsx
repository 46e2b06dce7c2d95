/** "Where everyone is now": each student's current lesson and step, and when they were last seen. */
import type { PageStudent } from "~/teach/class-page.server";
import { useT } from "~/i18n/use-t";
import { sharedNameKeys } from "~/utils/name-key";
import { StudentName } from "./student-name";
import { useInAppLinks } from "~/components/ui/in-app-links";

export function WhereNow({ students, studentHref }: { students: PageStudent[]; studentHref?: (id: string) => string }) {
  const t = useT();
  const shared = sharedNameKeys(students);
  const links = useInAppLinks<HTMLElement>();
  return (
    <section aria-labelledby="where-h" className="where-now" ref={links}>
      <h2 id="where-h">{t("teach.dash.where.title")}</h2>
      <ul className="where-list" data-testid="where-now">
        {students.map((s) => (
          <li key={s.id} className={s.activeNow ? "active" : undefined} data-testid={`where-${s.id}`}>
            <span className="where-name">
              <StudentName student={s} shared={shared} href={studentHref?.(s.id)} />
              {s.activeNow ? <span className="badge good">{t("teach.dash.activeNow")}</span> : null}
            </span>
            <span className="where-place">{s.whereLabel}</span>
            <span className="where-seen small muted">{t("teach.dash.lastSeen", { when: s.lastSeenLabel })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
