/**
 * The table of student accounts: name, username and what may be done to each. The class roster
 * (a teacher's actions) and the admin's account lists (decision 008) differ only in that last cell.
 */
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

interface Student {
  id: string;
  displayName: string;
  username: string;
}

export function StudentTable<S extends Student>({ students, caption, actions }: { students: S[]; caption: string; actions: (s: S) => ReactNode }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="student-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("teach.roster.name")}</th>
            <th scope="col">{t("teach.roster.username")}</th>
            <th scope="col">{t("teach.roster.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.id}>
              <td className="student-table-name">{s.displayName}</td>
              <td className="student-table-username">
                <code className="username">{s.username}</code>
              </td>
              <td>{actions(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
