/**
 * Every checked fact is taught (issue 14 item 4): each bold entry of lessons/FACTS.md has a row
 * in the "Facts and where they are taught" table of lessons/README.md, and each row names a step
 * of the built course that cites, with :cite[…], a source listed in that lesson's front matter.
 * The table is what authors maintain; this test keeps it honest in both directions (no entry
 * without a place, no row pointing at a step, entry or source that is gone).
 */
import fs from "node:fs";
import path from "node:path";
import { compileCourse } from "~/course/build/compile-course";
import type { Course } from "~/course/types";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const TABLE_HEADING = "### Facts and where they are taught";
const NO_SOURCE = "—";

/** `- **Launch.** Anthropic announced…` → "Launch" (the final full stop is not part of the name). */
function boldEntries(factsMarkdown: string): string[] {
  const names: string[] = [];
  for (const line of factsMarkdown.split("\n")) {
    const match = /^- \*\*(.+?)\*\*/.exec(line);
    if (match?.[1]) names.push(match[1].trim().replace(/\.$/, ""));
  }
  return names;
}

interface TaughtRow {
  fact: string;
  slug: string;
  step: string;
  source: string;
  line: number;
}

/** The rows of the table under TABLE_HEADING: `| **fact** | slug#step | source |`. */
function taughtRows(readmeMarkdown: string): TaughtRow[] {
  const lines = readmeMarkdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === TABLE_HEADING);
  if (start < 0) return [];
  const rows: TaughtRow[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("#")) break;
    const match = /^\|\s*\*\*(.+?)\*\*\s*\|\s*([a-z0-9-]+)#([a-z0-9-]+)\s*\|\s*(\S+)\s*\|$/.exec(line);
    if (match) rows.push({ fact: match[1]!.trim(), slug: match[2]!, step: match[3]!, source: match[4]!, line: i + 1 });
  }
  return rows;
}

/** Source ids cited anywhere in a step's blocks (inside callouts, lists, predictions…). */
function citedSources(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) citedSources(child, into);
  } else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.t === "cite" && typeof record.source === "string") into.add(record.source);
    for (const value of Object.values(record)) citedSources(value, into);
  }
  return into;
}

/** Everything wrong with the table, one readable line per problem; [] when all facts are taught. */
function factsCoverageProblems(factsMarkdown: string, readmeMarkdown: string, course: Course): string[] {
  const entries = boldEntries(factsMarkdown);
  const rows = taughtRows(readmeMarkdown);
  const problems: string[] = [];
  if (!readmeMarkdown.split("\n").some((line) => line.trim() === TABLE_HEADING)) {
    return [`README has no "${TABLE_HEADING}" section`];
  }
  for (const entry of entries) {
    if (!rows.some((row) => row.fact === entry)) problems.push(`FACTS entry "${entry}" has no row: where is it taught?`);
  }
  for (const row of rows) {
    const where = `README line ${row.line}`;
    if (!entries.includes(row.fact)) problems.push(`${where}: "${row.fact}" is not a bold entry of FACTS.md`);
    const lesson = course.lessons.find((l) => l.slug === row.slug);
    if (!lesson) {
      problems.push(`${where}: no lesson "${row.slug}"`);
      continue;
    }
    const step = lesson.content.en.steps.find((s) => s.id === row.step);
    if (!step) {
      problems.push(`${where}: lesson "${row.slug}" has no step "${row.step}"`);
      continue;
    }
    if (row.source === NO_SOURCE) continue;
    if (!lesson.sources.some((s) => s.id === row.source)) {
      problems.push(`${where}: "${row.source}" is not in the sources of "${row.slug}"`);
    } else if (!citedSources(step.blocks).has(row.source)) {
      problems.push(`${where}: step "${row.slug}#${row.step}" does not cite "${row.source}"`);
    }
  }
  return problems;
}

function builtCourse(): Course {
  const result = compileCourse(path.join(repoRoot, "lessons"));
  if (!("course" in result)) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return result.course;
}

describe("facts and where they are taught", () => {
  const facts = fs.readFileSync(path.join(repoRoot, "lessons/FACTS.md"), "utf8");
  const readme = fs.readFileSync(path.join(repoRoot, "lessons/README.md"), "utf8");
  const course = builtCourse();

  it("reads the bold entries of FACTS.md and the rows of the README table", () => {
    expect(boldEntries(facts)).toEqual(expect.arrayContaining(["Launch", "RLAIF at scale", "Claude's constitution (9 May 2023)", "Claude 2.1"]));
    expect(taughtRows(readme).length).toBeGreaterThanOrEqual(boldEntries(facts).length);
  });

  it("every bold entry of FACTS.md is taught in a step that cites its source", () => {
    expect(factsCoverageProblems(facts, readme, course)).toEqual([]);
  });

  it("names each kind of problem: an untaught entry, a stale row, a missing step, an uncited source", () => {
    const lesson = course.lessons.find((l) => l.slug === "tokens")!;
    const step = lesson.content.en.steps[0]!.id;
    const uncited = lesson.sources.find((s) => !citedSources(lesson.content.en.steps[0]!.blocks).has(s.id))!.id;
    const miniFacts = "- **Tokens.** Byte pair encoding…\n- **Untaught.** Nobody teaches this.\n";
    const miniReadme = [
      TABLE_HEADING,
      "",
      "| fact | taught in | source |",
      "| --- | --- | --- |",
      `| **Tokens** | tokens#${step} | ${uncited} |`,
      "| **Gone** | tokens#bpe | sennrich |",
      "| **Tokens** | tokens#no-such-step | sennrich |",
      "",
    ].join("\n");
    expect(factsCoverageProblems(miniFacts, miniReadme, course)).toEqual([
      'FACTS entry "Untaught" has no row: where is it taught?',
      `README line 5: step "tokens#${step}" does not cite "${uncited}"`,
      'README line 6: "Gone" is not a bold entry of FACTS.md',
      'README line 7: lesson "tokens" has no step "no-such-step"',
    ]);
  });
});
