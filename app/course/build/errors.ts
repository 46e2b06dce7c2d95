/**
 * Problems found in lesson content. Every problem names a file (relative to the repository
 * root) and a 1-based line, so an author can jump straight to it from the terminal.
 */
export interface ContentError {
  file: string;
  line: number;
  message: string;
}

/**
 * Collects every error and warning of a build. The compiler keeps going after a problem so
 * that one run shows an author everything to fix, not one problem at a time.
 */
export class ContentIssues {
  readonly errors: ContentError[] = [];
  readonly warnings: ContentError[] = [];

  error(file: string, line: number, message: string): void {
    this.errors.push({ file, line, message });
  }

  warn(file: string, line: number, message: string): void {
    this.warnings.push({ file, line, message });
  }

  /** How many errors so far: lets a caller tell whether one part of the build failed. */
  get errorCount(): number {
    return this.errors.length;
  }
}

/** `file:line: message`, the format editors and terminals turn into links. */
export function formatContentError(issue: ContentError): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Sorted by file then line, so the report reads top to bottom like the content does. */
export function sortContentErrors(list: readonly ContentError[]): ContentError[] {
  return [...list].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
