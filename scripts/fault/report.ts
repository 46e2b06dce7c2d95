/** The fault suite's table: one row per check, with its criterion and PASS / FAIL / SKIP. */

export type Verdict = "PASS" | "FAIL" | "SKIP" | "";

export interface Row {
  experiment: string;
  check: string;
  figure: string;
  criterion: string;
  verdict: Verdict;
}

export const rows: Row[] = [];

export function log(line: string): void {
  process.stderr.write(`[fault] ${line}\n`);
}

/** A measured figure against `criterion` (max or min); null = not measured = FAIL. */
export function check(
  experiment: string,
  name: string,
  value: number | null,
  unit: string,
  criterion?: { max?: number; min?: number },
  shown?: string,
): void {
  const figure = shown ?? (value === null ? "n/a" : `${format(value)}${unit ? ` ${unit}` : ""}`);
  let verdict: Verdict = "";
  let text = "";
  if (criterion) {
    text = criterion.max !== undefined ? `≤ ${format(criterion.max)}${unit ? ` ${unit}` : ""}` : `≥ ${format(criterion.min!)}${unit ? ` ${unit}` : ""}`;
    verdict =
      value !== null && (criterion.max === undefined || value <= criterion.max) && (criterion.min === undefined || value >= criterion.min) ? "PASS" : "FAIL";
  }
  rows.push({ experiment, check: name, figure, criterion: text, verdict });
  log(`${verdict || "·"} ${experiment}: ${name}: ${figure}${text ? ` (${text})` : ""}`);
}

export function skip(experiment: string, reason: string): void {
  rows.push({ experiment, check: reason, figure: "", criterion: "", verdict: "SKIP" });
  log(`SKIP ${experiment}: ${reason}`);
}

export function failed(experiment: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  rows.push({ experiment, check: `error: ${message.split("\n")[0]!.slice(0, 90)}`, figure: "", criterion: "", verdict: "FAIL" });
  log(`FAIL ${experiment}: ${message.slice(0, 3000)}`);
}

export const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(2);
}

/** Prints the table to stdout; returns how many checks failed. */
export function printTable(): number {
  const head: Row = { experiment: "experiment", check: "check", figure: "figure", criterion: "criterion", verdict: "" };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const [we, wc, wf, wk] = [w("experiment"), w("check"), w("figure"), w("criterion")];
  const line = (r: Row) => `| ${r.experiment.padEnd(we)} | ${r.check.padEnd(wc)} | ${r.figure.padStart(wf)} | ${r.criterion.padEnd(wk)} | ${r.verdict.padEnd(4)} |`;
  const rule = `|${"-".repeat(we + 2)}|${"-".repeat(wc + 2)}|${"-".repeat(wf + 2)}|${"-".repeat(wk + 2)}|------|`;
  process.stdout.write(`\n${[line(head), rule, ...rows.map(line)].join("\n")}\n`);
  const failures = rows.filter((r) => r.verdict === "FAIL").length;
  const skipped = rows.filter((r) => r.verdict === "SKIP").length;
  process.stdout.write(`\n${failures === 0 ? "All checks PASS" : `${failures} check(s) FAIL`}${skipped ? `, ${skipped} experiment(s) skipped` : ""}.\n`);
  return failures;
}
