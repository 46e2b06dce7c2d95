/**
 * Chromium driven by playwright-core: a persistent context in a fresh profile folder, headless, no
 * network beyond 127.0.0.1. The browser (the npm registry's pinned headless Chromium, or the one
 * LANTERN_CHROMIUM names) is resolved once by the global setup — see scripts/chromium.ts — and
 * handed to every test file through `inject("e2eChromium")`. Never downloads a browser.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page, type Request } from "playwright-core";
import { inject } from "vitest";
import { baseUrl, langCookieValue, SESSION_COOKIE, sessionCookieValueFor } from "./context";
import { ROOT } from "../../../scripts/harness/lantern-server";

export const SCREENSHOT_DIR = path.join(ROOT, "test-results", "screenshots");

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Sets the lantern_lang cookie, so every page is served in this language. */
  lang?: "en" | "zh-Hans" | "zh-Hant";
  /** Signs in as this username (a session row made directly in the database). */
  as?: string;
  reducedMotion?: "reduce" | "no-preference";
  /** Another Lantern server than the shared one (a test that starts its own; `as` does not apply). */
  baseURL?: string;
}

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Problems seen on any page: uncaught exceptions, console errors, CSP violations. */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(options: BrowserOptions = {}): Promise<OpenBrowser> {
  const browser = inject("e2eChromium");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    args: browser.args,
    env: { ...process.env, ...browser.env },
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: options.reducedMotion ?? "reduce",
    baseURL: options.baseURL ?? baseUrl(),
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const url = new URL(options.baseURL ?? baseUrl());
  const cookies = [];
  if (options.lang) cookies.push({ name: "lantern_lang", value: await langCookieValue(options.lang), domain: url.hostname, path: "/" });
  if (options.as) {
    cookies.push({ name: SESSION_COOKIE, value: await sessionCookieValueFor(options.as), domain: url.hostname, path: "/", httpOnly: true });
  }
  if (cookies.length) await context.addCookies(cookies);

  const problems: string[] = [];
  const watch = (page: Page) => {
    const where = () => new URL(page.url()).pathname;
    page.on("pageerror", (error) => problems.push(`${where()}: page error: ${error.message.slice(0, 160)}`));
    page.on("console", (message) => {
      const text = message.text();
      // failed loads are reported below with their URL
      if (message.type() === "error" && !text.startsWith("Failed to load resource")) {
        problems.push(`${where()}: console error: ${text.split("\n")[0]!.slice(0, 200)}`);
      }
    });
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (response.status() >= 400 && type !== "document") problems.push(`${where()}: ${response.status()} for ${type} ${new URL(response.url()).pathname}`);
    });
  };
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);

  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs the browser in as another user (replaces the session cookie). */
export async function signInAs(context: BrowserContext, username: string): Promise<void> {
  const url = new URL(baseUrl());
  await context.clearCookies({ name: SESSION_COOKIE });
  await context.addCookies([
    { name: SESSION_COOKIE, value: await sessionCookieValueFor(username), domain: url.hostname, path: "/", httpOnly: true },
  ]);
}

/** Every page from now on is served in this language (the lantern_lang cookie is replaced). */
export async function setLanguage(context: BrowserContext, lang: NonNullable<BrowserOptions["lang"]>): Promise<void> {
  const url = new URL(baseUrl());
  await context.addCookies([{ name: "lantern_lang", value: await langCookieValue(lang), domain: url.hostname, path: "/" }]);
}

/** One session per user for the whole test file (see signInOncePerUser). */
const sessionsOfThisFile = new Map<string, Promise<string>>();

/**
 * Signs the browser in as `username` like signInAs, but with one session per user for the whole
 * test file: a test that changes who is looking page after page then writes one session row per
 * user instead of one per page. Only for tests whose visits do not end sessions (no POST to
 * /signout, no password change).
 */
export async function signInOncePerUser(context: BrowserContext, username: string): Promise<void> {
  let value = sessionsOfThisFile.get(username);
  if (!value) sessionsOfThisFile.set(username, (value = sessionCookieValueFor(username)));
  const url = new URL(baseUrl());
  await context.clearCookies({ name: SESSION_COOKIE });
  await context.addCookies([{ name: SESSION_COOKIE, value: await value, domain: url.hostname, path: "/", httpOnly: true }]);
}

/** Writes test-results/screenshots/<journey>/<name>.png (the README names this folder). */
export async function screenshot(page: Page, journey: string, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, journey, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function scrollsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * Follows a page's requests from now on: `settled()` then waits until the page has hydrated and
 * none has been in flight for `quietMs`. Playwright's "networkidle" waits a fixed 500 ms of
 * quiet, which a test opening twenty pages in a loop spends ten seconds on.
 */
export function followRequests(page: Page): { settled(quietMs?: number): Promise<void> } {
  const inFlight = new Set<Request>();
  page.on("request", (request) => inFlight.add(request));
  page.on("requestfinished", (request) => inFlight.delete(request));
  page.on("requestfailed", (request) => inFlight.delete(request));
  return {
    async settled(quietMs = 100) {
      await page.waitForFunction(() => "__remixRouter" in window);
      const until = Date.now() + 15_000;
      let quietSince = Date.now();
      while (Date.now() - quietSince < quietMs) {
        if (Date.now() > until) throw new Error(`requests still in flight: ${[...inFlight].map((r) => r.url()).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (inFlight.size > 0) quietSince = Date.now();
      }
    },
  };
}
