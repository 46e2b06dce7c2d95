/**
 * The same student listed twice in one import of plain tables (a row copied twice, the same list
 * uploaded and pasted). Each student is imported once: a later row that is an earlier one again
 * is named with the earlier row's place and left out.
 *
 * A row is the same student as an earlier one by what the import identifies students by: the
 * same username; else the same student number (学号); else the same e-mail (read only for this,
 * never stored); else the same name, unless both rows carry usernames, or both carry student
 * numbers, or both carry e-mails, or they name different classes — that
 * is how a teacher tells two students of the same name apart (a row naming no class is for the
 * class being imported into, so it is not told apart from one that names it). A name alone is
 * what matches a student already in the class on a later import (roster-import.server.ts), so
 * two rows of one name and nothing else would be one account next time anyway.
 */
import { nameKey } from "../utils/name-key";

export interface RowIdentity {
  file: string;
  line: number;
  displayName: string;
  username: string | null;
  email: string | null;
  /** The school's student number (学号), when the table has the column. */
  number: string | null;
  classRef: string;
}

export interface Repeat {
  earlier: RowIdentity;
  by: "username" | "number" | "email" | "name";
}

/** A finder for one import: give it each row in order; it answers the earlier row this one repeats, or null. */
export function repeatFinder(): (row: RowIdentity) => Repeat | null {
  const byUsername = new Map<string, RowIdentity>();
  const byNumber = new Map<string, RowIdentity>();
  const byEmail = new Map<string, RowIdentity>();
  const byName = new Map<string, RowIdentity[]>();
  const toldApart = (a: RowIdentity, b: RowIdentity) =>
    Boolean((a.username && b.username) || (a.number && b.number) || (a.email && b.email) || (a.classRef && b.classRef && nameKey(a.classRef) !== nameKey(b.classRef)));
  return (row) => {
    const email = row.email?.toLowerCase() ?? null;
    const sameUsername = row.username ? byUsername.get(row.username) : undefined;
    if (sameUsername) return { earlier: sameUsername, by: "username" };
    const sameNumber = row.number ? byNumber.get(row.number) : undefined;
    if (sameNumber) return { earlier: sameNumber, by: "number" };
    const sameEmail = email ? byEmail.get(email) : undefined;
    if (sameEmail) return { earlier: sameEmail, by: "email" };
    const name = nameKey(row.displayName);
    const namesakes = byName.get(name) ?? [];
    const sameName = namesakes.find((earlier) => !toldApart(earlier, row));
    if (sameName) return { earlier: sameName, by: "name" };
    if (row.username) byUsername.set(row.username, row);
    if (row.number) byNumber.set(row.number, row);
    if (email) byEmail.set(email, row);
    byName.set(name, [...namesakes, row]);
    return null;
  };
}
