/** How student names are compared ("Ada" and "ada " are one name): case, width and spacing do not count. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** The name keys that more than one of these students has. */
export function sharedNameKeys(students: readonly { displayName: string }[]): string[] {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const s of students) {
    const key = nameKey(s.displayName);
    if (seen.has(key)) shared.add(key);
    seen.add(key);
  }
  return [...shared];
}
