/**
 * The one way Lantern's tooling gets a browser — the end-to-end tests and the benchmark's
 * Lighthouse run both call `resolveChromium()`:
 *   - the pinned headless Chromium from the npm registry (@sparticuz/chromium), unpacked once per
 *     checkout into node_modules/.cache/lantern-chromium-<version>/, or
 *   - the system browser that LANTERN_CHROMIUM names (never anything else from the system);
 *   - Chinese text drawn with Noto Sans SC from npm (@expo-google-fonts/noto-sans-sc, which also
 *     covers every 繁體 character in the catalogs and lessons) through a generated fonts.conf that
 *     also includes the system's own fonts.
 * Never downloads anything: both packages are devDependencies in package-lock.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Names a system Chromium to use instead of the npm one. */
export const CHROMIUM_ENV = "LANTERN_CHROMIUM";

/**
 * Our flags, not @sparticuz/chromium's `args`: those are tuned for AWS Lambda and include
 * --disable-web-security, --allow-running-insecure-content and --single-process, which would
 * switch off the very CSP and same-origin protections the security tests check. The headless
 * shell needs only --no-sandbox (it runs as root in CI); it is headless whatever the flags say.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface ResolvedChromium {
  executablePath: string;
  args: string[];
  /** Environment for the browser process (FONTCONFIG_FILE for the CJK font). */
  env: Record<string, string>;
}

function packageDir(name: string): string {
  return path.join(ROOT, "node_modules", ...name.split("/"));
}

function packageVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Unpacks @sparticuz/chromium into `target`, race-free: the package writes straight into the
 * temp folder (a second process would see a half-written binary and launch a broken browser), so
 * it runs in a child whose TMPDIR is a private staging folder, which is then renamed into place in
 * one step. Whoever renames first wins; the others throw their copy away and use the winner's.
 */
function unpackChromium(target: string): void {
  const staging = `${target}.staging-${process.pid}-${Date.now()}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    execFileSync(
      process.execPath,
      ["--input-type=module", "-e", "const c = await import('@sparticuz/chromium'); process.stdout.write(await c.default.executablePath());"],
      { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, stdio: ["ignore", "pipe", "inherit"], timeout: 300_000 },
    );
    if (!fs.existsSync(path.join(staging, "chromium"))) throw new Error(`@sparticuz/chromium did not unpack into ${staging}`);
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      if (!fs.existsSync(path.join(target, "chromium"))) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Noto Sans SC (regular and bold) plus the unpacked Latin fonts, after the system's fonts. */
function writeFontsConf(dir: string, chromiumDir: string | undefined): string {
  const noto = packageDir("@expo-google-fonts/noto-sans-sc");
  const dirs = [path.join(noto, "400Regular"), path.join(noto, "700Bold")];
  if (chromiumDir) dirs.push(path.join(chromiumDir, "fonts"));
  const file = path.join(dir, "fonts.conf");
  const xml = [
    `<?xml version="1.0"?>`,
    `<!DOCTYPE fontconfig SYSTEM "fonts.dtd">`,
    `<fontconfig>`,
    `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>`,
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${path.join(dir, "fontconfig-cache")}</cachedir>`,
    `</fontconfig>`,
    ``,
  ].join("\n");
  // Written to a temp name and renamed, so a reader never sees half a file.
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== xml) {
    const temp = `${file}.${process.pid}`;
    fs.writeFileSync(temp, xml);
    fs.renameSync(temp, file);
  }
  return file;
}

/** The browser to launch, its flags and its environment; unpacks the npm Chromium on first use. */
export function resolveChromium(): ResolvedChromium {
  const cacheRoot = path.join(ROOT, "node_modules", ".cache");
  fs.mkdirSync(cacheRoot, { recursive: true });
  const chosen = process.env[CHROMIUM_ENV];
  let executablePath: string;
  let chromiumDir: string | undefined;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new Error(`${CHROMIUM_ENV}=${chosen}: no such file`);
    executablePath = chosen;
  } else {
    if (process.platform !== "linux" || process.arch !== "x64") {
      throw new Error(`The npm Chromium is built for Linux x86-64 only; on ${process.platform}/${process.arch} set ${CHROMIUM_ENV} to a Chromium or Chrome.`);
    }
    chromiumDir = path.join(cacheRoot, `lantern-chromium-${packageVersion("@sparticuz/chromium")}`);
    if (!fs.existsSync(path.join(chromiumDir, "chromium"))) unpackChromium(chromiumDir);
    executablePath = path.join(chromiumDir, "chromium");
  }
  const fontsConf = writeFontsConf(cacheRoot, chromiumDir);
  return { executablePath, args: CHROMIUM_ARGS, env: { FONTCONFIG_FILE: fontsConf } };
}
