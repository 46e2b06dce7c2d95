import { useT } from "~/i18n/use-t";
import { nameKey } from "~/utils/name-key";

/**
 * A student's name, with their username beside it when another student of the class has the
 * same name — two "Ada"s in a list are otherwise the same person to the teacher.
 */
export function StudentName({
  student,
  shared,
  href,
}: {
  student: { displayName: string; username: string };
  /** Name keys shared within the class (sharedNameKeys). */
  shared: readonly string[];
  /** A plain link: the list it is in moves inside the app on a click (useInAppLinks). */
  href?: string;
}) {
  const t = useT();
  const name = href ? <a href={href}>{student.displayName}</a> : student.displayName;
  if (!shared.includes(nameKey(student.displayName))) return <>{name}</>;
  return (
    <>
      {name}
      <span className="shared-username">{t("common.inParentheses", { text: student.username })}</span>
    </>
  );
}
