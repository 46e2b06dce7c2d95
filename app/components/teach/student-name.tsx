import { Link } from "@remix-run/react";
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
  href?: string;
}) {
  const name = href ? <Link to={href}>{student.displayName}</Link> : student.displayName;
  if (!shared.includes(nameKey(student.displayName))) return <>{name}</>;
  return (
    <>
      {name} <span className="shared-username">({student.username})</span>
    </>
  );
}
