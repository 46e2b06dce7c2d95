/**
 * Lighthouse (12.2.3) mobile performance score of one page, in the same Chromium as the browser
 * tests (scripts/chromium.ts: the npm registry's, or the one LANTERN_CHROMIUM names) — when the
 * project has lighthouse installed (`npm i -E -D lighthouse@12.2.3`); otherwise "not installed".
 * Run as a child process (node_modules/.bin/lighthouse), never through npx.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveChromium } from "../chromium";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type LighthouseResult =
  | { installed: true; score: number; details: Record<string, unknown> }
  | { installed: false; note: string };

const BIN = path.join(ROOT, "node_modules", ".bin", "lighthouse");

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  if (!fs.existsSync(BIN)) return { installed: false, note: "npm i -E -D lighthouse@12.2.3" };
  const chromium = resolveChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-lighthouse-"));
  const output = path.join(profile, "report.json");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        BIN,
        [
          url,
          "--only-categories=performance",
          "--form-factor=mobile",
          "--output=json",
          `--output-path=${output}`,
          "--quiet",
          `--chrome-path=${chromium.executablePath}`,
          // chrome-launcher splits this on spaces (no flag here contains one); it adds its own
          // defaults (no first-run, no extensions…) in front.
          `--chrome-flags=${[...chromium.args, `--user-data-dir=${profile}/chrome`].join(" ")}`,
        ],
        { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...chromium.env, CHROME_PATH: chromium.executablePath } },
      );
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
      const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`lighthouse exited with ${code}: ${stderr.trim().split("\n").pop()}`));
      });
    });
    const report = JSON.parse(fs.readFileSync(output, "utf8")) as {
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue?: number }>;
    };
    const metric = (id: string) => report.audits[id]?.numericValue;
    return {
      installed: true,
      score: Math.round(report.categories.performance.score * 100),
      details: {
        firstContentfulPaintMs: metric("first-contentful-paint"),
        largestContentfulPaintMs: metric("largest-contentful-paint"),
        totalBlockingTimeMs: metric("total-blocking-time"),
        cumulativeLayoutShift: metric("cumulative-layout-shift"),
        speedIndexMs: metric("speed-index"),
      },
    };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
