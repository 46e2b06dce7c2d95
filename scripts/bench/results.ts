/**
 * The benchmark's results: one row per figure with its budget and verdict, printed as a table
 * and written with every detail to bench-results/latest.json (with the machine and its load).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../harness/lantern-server";

export interface Row {
  name: string;
  figure: string;
  budget: string;
  verdict: "PASS" | "FAIL" | "—";
  value: number | null;
  unit: string;
  details?: Record<string, unknown>;
}

export const rows: Row[] = [];

export function log(line: string) {
  process.stderr.write(`[bench] ${line}\n`);
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Adds a row; with a budget, the verdict is PASS or FAIL (no value is a FAIL). */
export function record(
  name: string,
  value: number | null,
  unit: string,
  budget?: { max?: number; min?: number },
  details?: Record<string, unknown>,
  figure?: string,
) {
  const shown = figure ?? (value === null ? "n/a" : `${formatNumber(value)} ${unit}`.trim());
  let verdict: Row["verdict"] = "—";
  let budgetText = "";
  if (budget) {
    budgetText = budgetLabel(budget, unit);
    if (value === null || Number.isNaN(value)) verdict = "FAIL";
    else verdict = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min) ? "PASS" : "FAIL";
  }
  rows.push({ name, figure: shown, budget: budgetText, verdict, value, unit, details });
  log(`${verdict === "—" ? "·" : verdict} ${name}: ${shown}${budgetText ? ` (budget ${budgetText})` : ""}`);
}

/** A budgeted figure this run did not measure (a section that needs a flag): shown, not judged. */
export function recordNotMeasured(name: string, unit: string, budget: { max?: number; min?: number }, why: string) {
  rows.push({ name, figure: "not measured", budget: budgetLabel(budget, unit), verdict: "—", value: null, unit, details: { why } });
  log(`· ${name}: not measured (${why})`);
}

function budgetLabel(budget: { max?: number; min?: number }, unit: string): string {
  return budget.max !== undefined ? `≤ ${formatNumber(budget.max)} ${unit}`.trim() : `≥ ${formatNumber(budget.min!)} ${unit}`.trim();
}

/** Prints the table, writes bench-results/latest.json, sets the exit code (1 when a budget is missed). */
export function report(options: Record<string, unknown>, loadAverages: { start: number[]; end?: number[] }) {
  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  const figureWidth = Math.max(6, ...rows.map((r) => r.figure.length));
  const budgetWidth = Math.max(6, ...rows.map((r) => r.budget.length));
  const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(nameWidth)} | ${b.padStart(figureWidth)} | ${c.padEnd(budgetWidth)} | ${d.padEnd(4)} |`;
  const out = [
    line("measure", "figure", "budget", "    "),
    `|${"-".repeat(nameWidth + 2)}|${"-".repeat(figureWidth + 2)}|${"-".repeat(budgetWidth + 2)}|------|`,
    ...rows.map((r) => line(r.name, r.figure, r.budget, r.verdict === "—" ? "" : r.verdict)),
  ];
  const end = loadAverages.end ?? os.loadavg();
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  process.stdout.write(`\n${out.join("\n")}\n`);
  process.stdout.write(`\nLoad average (1, 5, 15 min) at the start: ${load(loadAverages.start)}; at the end: ${load(end)} (${os.cpus().length} cores).\n`);
  const failed = rows.filter((r) => r.verdict === "FAIL").length;
  process.stdout.write(`${failed === 0 ? "All budgets met." : `${failed} budget(s) missed.`} Figures: bench-results/latest.json\n`);
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, "bench-results", "latest.json"),
    JSON.stringify(
      {
        when: new Date().toISOString(),
        ...options,
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
        loadAverage: { start: loadAverages.start, end },
        results: rows,
      },
      null,
      2,
    ) + "\n",
  );
  process.exitCode = failed === 0 ? 0 : 1;
}
