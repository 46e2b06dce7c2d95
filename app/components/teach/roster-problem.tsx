import { useT } from "~/i18n/use-t";
import type { RosterNote, RosterProblem } from "~/models/roster-input.server";

/** The file name the reader (roster-input.server.ts) gives text pasted into the form. */
const PASTED = "(pasted)";

/** Where a row is, in the reader's language: "Pasted text, line 3", "名单.csv 第 3 行", or the file alone. */
export function useRowPlace() {
  const t = useT();
  return (file: string, line: number | null) => {
    const name = file === PASTED ? t("teach.import.pasted") : file;
    return line === null ? name : t("teach.import.fileLine", { file: name, line });
  };
}

/** One row the import leaves out, with its reason; a repeated row says where it first was ("line 2", or the other file's line). */
export function RosterProblemItem({ problem }: { problem: RosterProblem }) {
  const t = useT();
  const place = useRowPlace();
  const earlier = problem.earlier;
  const earlierPlace = !earlier ? null : earlier.file === problem.file ? t("teach.import.line", { line: earlier.line }) : place(earlier.file, earlier.line);
  return (
    <li>
      <strong>{place(problem.file, problem.line)}</strong>
      {t("teach.import.colon")}
      {t(problem.key, earlierPlace === null ? problem.values : { ...problem.values, earlier: earlierPlace })}
    </li>
  );
}

/** How the upload was read ("Pasted text: Ignored columns: Year, UPN. …"), its lists joined in the reader's language. */
export function RosterNoteItem({ note }: { note: RosterNote }) {
  const t = useT();
  const place = useRowPlace();
  const lists = Object.fromEntries(Object.entries(note.lists ?? {}).map(([k, items]) => [k, items.join(t("teach.import.listSeparator"))]));
  return (
    <li>
      {note.file === null ? null : (
        <>
          <strong>{place(note.file, null)}</strong>
          {t("teach.import.colon")}
        </>
      )}
      {t(note.key, { ...note.values, ...lists })}
    </li>
  );
}
