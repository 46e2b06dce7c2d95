/**
 * Students who may need the teacher now, with the reason in words: several answers in a row not
 * right, a low quiz score or many "I'm not sure" answers in one quiz, far longer active time on
 * one step than the class usually takes, or a flagged playground exchange.
 */
import type { PageStudent } from "~/teach/class-page.server";
import { useT } from "~/i18n/use-t";
import { sharedNameKeys } from "~/utils/name-key";
import { StudentName } from "./student-name";
import { useInAppLinks } from "~/components/ui/in-app-links";

const SIGNAL_CLASS = { "wrong-streak": "warn", "low-score": "warn", "not-sure": "warn", stuck: "warn", flag: "bad" } as const;

export function NeedsHelp({
  students,
  studentHref,
  rulesText,
}: {
  students: PageStudent[];
  studentHref?: (id: string) => string;
  rulesText: string;
}) {
  const t = useT();
  const flagged = students.filter((s) => s.signals.length > 0);
  const shared = sharedNameKeys(students);
  const links = useInAppLinks<HTMLElement>();
  return (
    <section className="card needs-help" aria-labelledby="needs-help-h" data-testid="needs-help" ref={links}>
      <h2 id="needs-help-h">
        {t("teach.dash.help.title")}<span className="count">{t("common.inParentheses", { text: flagged.length })}</span>
      </h2>
      {flagged.length === 0 ? (
        <p className="muted">{t("teach.dash.help.none")}</p>
      ) : (
        <ul className="help-list">
          {flagged.map((s) => (
            <li key={s.id} data-testid={`help-${s.id}`}>
              <strong>
                <StudentName student={s} shared={shared} href={studentHref?.(s.id)} />
              </strong>
              <ul className="signal-list">
                {s.signals.map((sig) => (
                  <li key={sig.kind}>
                    <span className={`badge ${SIGNAL_CLASS[sig.kind]}`}>{sig.label}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">{rulesText}</p>
    </section>
  );
}
