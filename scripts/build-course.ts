/**
 * Compiles lessons/ into build/course.json, the file the server loads once at start.
 *
 *   npx tsx scripts/build-course.ts [--lessons DIR] [--out FILE]
 *
 * Paths resolve from the current directory (the project root under npm scripts). Every content
 * problem is printed as `file:line: message`; any error exits 1 and writes nothing, so a broken
 * lesson never replaces a working course.
 */
import fs from "node:fs";
import path from "node:path";
import { compileCourse } from "../app/course/build/compile-course";
import { formatContentError } from "../app/course/build/errors";
import { compileGuides, compileHelp } from "../app/course/build/guides";
import { GUIDES_FILE_NAME, HELP_FILE_NAME } from "../app/guides/guides-file";

interface Args {
  lessons: string;
  out: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { lessons: "lessons", out: path.join("build", "course.json") };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "--lessons" || flag === "--out") && value !== undefined && !value.startsWith("--")) {
      args[flag === "--lessons" ? "lessons" : "out"] = value;
      i++;
    } else {
      throw new Error(`unknown argument ${flag ?? ""}: usage: build-course [--lessons DIR] [--out FILE]`);
    }
  }
  return args;
}

function main(): number {
  const started = performance.now();
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const cwd = process.cwd();
  const lessonsDir = path.resolve(cwd, args.lessons);
  const outFile = path.resolve(cwd, args.out);
  const result = compileCourse(lessonsDir, { root: cwd });

  for (const warning of result.warnings) console.warn(formatContentError({ ...warning, message: `warning: ${warning.message}` }));
  if ("errors" in result) {
    for (const error of result.errors) console.error(formatContentError(error));
    console.error(`course: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}; nothing written`);
    return 1;
  }

  const { course } = result;
  // Teacher's guides: built against this course (their answer keys come from its quizzes).
  const guides = compileGuides(lessonsDir, course, { root: cwd });
  for (const warning of guides.warnings) console.warn(formatContentError({ ...warning, message: `warning: ${warning.message}` }));
  if ("errors" in guides) {
    for (const error of guides.errors) console.error(formatContentError(error));
    console.error(`guides: ${guides.errors.length} error${guides.errors.length === 1 ? "" : "s"}; nothing written`);
    return 1;
  }

  // The help page for staff: the project's help/ folder, whichever lessons were compiled.
  const help = compileHelp(path.resolve(cwd, "help"), { root: cwd });
  for (const warning of help.warnings) console.warn(formatContentError({ ...warning, message: `warning: ${warning.message}` }));
  if ("errors" in help) {
    for (const error of help.errors) console.error(formatContentError(error));
    console.error(`help: ${help.errors.length} error${help.errors.length === 1 ? "" : "s"}; nothing written`);
    return 1;
  }

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  writeAtomically(outFile, JSON.stringify(course));
  writeAtomically(path.join(path.dirname(outFile), GUIDES_FILE_NAME), JSON.stringify(guides.guides));
  writeAtomically(path.join(path.dirname(outFile), HELP_FILE_NAME), JSON.stringify(help.help));

  const steps = course.lessons.reduce((n, l) => n + l.content.en.steps.length, 0);
  const questions = course.lessons.reduce((n, l) => n + l.quiz.length, 0);
  const checks = course.lessons.reduce((n, l) => n + l.checks.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(
    `course ${course.version}: ${course.lessons.length} lessons, ${steps} steps, ${questions} questions, ` +
      `${checks} checks, ${guides.guides.lessons.length} teacher's guides in ${ms} ms → ${path.relative(cwd, outFile) || outFile}`,
  );
  return 0;
}

/** Written to a temporary file then renamed, so a running server never reads half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

process.exitCode = main();
