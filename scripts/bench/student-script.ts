/**
 * One simulated student for the capacity benchmark, sending what the lesson player sends from
 * Chromium (recorded against the real server; scripts/bench/README.md lists the requests):
 *
 * - arriving: the lesson as a document, then — once per student, cached after — the page's
 *   scripts and styles, the catalog asset and the route manifest (`/__manifest`), then the
 *   requests the step's widgets send by themselves;
 * - on every step: reads for 8–20 s; answers each inline check (the check's POST to
 *   `/learn/<lesson>.data?step=…`, then the one data request Remix revalidates with,
 *   `?_routes=routes/learn.$lesson` — the root's data is not fetched again after the lesson's
 *   forms, app/root.tsx); presses Next (the same POST with `intent=next` and the active seconds,
 *   then the next step's data request);
 * - the quiz: 40–80 s of answering, one POST with every answer, the results, the finish screen,
 *   then a link to the next lesson (one data request: the root is not revalidated on a link);
 * - active time as `components/lesson/active-time.ts` reports it: the seconds ride on the Next and
 *   quiz forms; `POST /learn/<lesson>/time` goes out every 30 active seconds and when the student
 *   leaves a step (a second or so, counted while the next page loaded) or the quiz;
 * - one student in ten also opens the playground once per lesson: two prompts to the model
 *   (a urlencoded POST to /api/playground/stream, as the page's fetch sends it — the server takes
 *   multipart only where a page takes files — read as server-sent events to the end) with the
 *   playground's data requests around them, then back to the step.
 *
 * A "page" is what the student waits for after a click: the document, or the action and the data
 * requests of a client-side navigation together. Background requests (assets, /time, widgets,
 * streams) are recorded by kind but are not pages.
 */
import { createEventParser } from "../../app/playground/chat-events";
import type { BrowserClient } from "./browser-client";
import type { PlannedLesson, PlannedStep, WidgetCall } from "./lesson-plan";
import type { LoadRecorder } from "./load-recorder";

export interface StudentEnv {
  client: BrowserClient;
  course: PlannedLesson[];
  /** Index into `course` of the lesson the student's class is on. */
  firstLesson: number;
  /** Also uses the playground (one student in ten). */
  playground: boolean;
  /** The Claude model the playground asks for. */
  model: string;
  recorder: LoadRecorder;
  signal: AbortSignal;
  random: () => number;
}

const LESSON_ROUTE = "routes/learn.$lesson";
const PLAYGROUND_ROUTE = "routes/playground";
const QUIZ_POSITION = "_quiz";

/** Prompts a student might try; plain questions the screening lets through. */
const PROMPTS = [
  "Why do language models sometimes make things up?",
  "Explain what a token is, in two sentences.",
  "Give me three tips for writing a clear prompt.",
  "How can I check if an answer from a chatbot is true?",
  "What is the difference between pretraining and fine-tuning?",
  "Write a short poem about the sea.",
];

class Aborted extends Error {}

/**
 * Active seconds as the lesson page counts them: one per second after the step appears; taken by
 * the Next and quiz forms; sent every 30; the rest sent when the step is left.
 */
class ActiveTime {
  private mountedAt = 0;
  private taken = 0;
  private where: { slug: string; position: string } | null = null;

  mount(slug: string, position: string) {
    this.where = { slug, position };
    this.mountedAt = performance.now();
    this.taken = 0;
  }

  pending(now = performance.now()): number {
    return this.where ? Math.floor((now - this.mountedAt) / 1000) - this.taken : 0;
  }

  /** When the page's 30-second flush next fires (performance.now() time), or null when unmounted. */
  nextFlushAt(): number | null {
    return this.where ? this.mountedAt + (this.taken + 30) * 1000 : null;
  }

  take(seconds = this.pending()): number {
    this.taken += seconds;
    return seconds;
  }

  /** The step being left and its seconds not yet sent. */
  unmount(): { slug: string; position: string; seconds: number } | null {
    const where = this.where;
    const seconds = this.pending();
    this.where = null;
    return where && seconds > 0 ? { ...where, seconds } : null;
  }

  get current() {
    return this.where;
  }
}

/** The single-fetch data URL Remix requests for `path` (`/learn/x?step=y` → `/learn/x.data?step=y&_routes=…`). */
export function dataUrl(path: string, routeId?: string): string {
  const url = new URL(path, "http://x");
  const base = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  const search = new URLSearchParams(url.search);
  if (routeId) search.append("_routes", routeId);
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

export class StudentScript {
  private readonly active = new ActiveTime();
  private readonly visited = new Set<string>();

  constructor(private readonly s: StudentEnv) {}

  /** Takes lessons one after another until the signal aborts. */
  async run(): Promise<void> {
    try {
      let index = this.s.firstLesson;
      await this.arrive(this.lesson(index));
      for (;;) {
        const lesson = this.lesson(index);
        await this.takeLesson(lesson);
        index++;
        await this.openLesson(this.lesson(index));
      }
    } catch (error) {
      if (error instanceof Aborted || this.s.signal.aborted) return;
      throw error;
    } finally {
      this.s.client.close();
    }
  }

  private lesson(index: number): PlannedLesson {
    return this.s.course[index % this.s.course.length]!;
  }

  // ---- Arriving and moving between lessons ---------------------------------------------------

  /** The first visit: the lesson's document, what it links to (once), the step's widgets. */
  private async arrive(lesson: PlannedLesson) {
    const path = `/learn/${lesson.slug}`;
    const page = this.s.recorder.startPage("document");
    const doc = await this.call("document", () =>
      this.s.client.get(path, { text: true, headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-mode": "navigate" } }),
    );
    this.s.recorder.endPage(page);
    this.visited.add(lesson.slug);
    if (doc) {
      const html = doc.text;
      const assets = [...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="(\/build\/[^"]+)"/g)].map((m) => m[1]!);
      // the catalog and the lesson's text, fetched before hydrating
      const content = [...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*data-asset/g)].map((m) => m[1]!);
      await Promise.all([
        ...[...new Set(assets)].map((href) => this.call("static asset", () => this.s.client.get(href))),
        this.contentAssets(content),
      ]);
      const version = /"version":\s*"([^"]+)"/.exec(html)?.[1];
      const paths = [...html.matchAll(/<(?:a|form)\b[^>]*data-discover="true"[^>]*>/g)]
        .map((m) => /(?:href|action)="([^"]*)"/.exec(m[0])?.[1])
        .filter((p): p is string => !!p && p.startsWith("/"))
        .map((p) => p.replace(/[?#].*$/, "") || "/");
      if (version && paths.length) await this.manifest(paths, version);
    }
    this.active.mount(lesson.slug, lesson.steps[0]!.id);
    await this.widgets(lesson.steps[0]!);
  }

  private manifestVersion = "";
  private readonly discovered = new Set<string>();

  /** Remix's lazy route discovery: asks once for the routes of links it has not seen. */
  private async manifest(paths: string[], version = this.manifestVersion) {
    this.manifestVersion = version;
    const fresh = [...new Set(paths)].filter((p) => !this.discovered.has(p)).sort();
    if (!fresh.length || !version) return;
    for (const p of fresh) this.discovered.add(p);
    const query = new URLSearchParams([...fresh.map((p): [string, string] => ["p", p]), ["version", version]]);
    await this.call("route manifest", () => this.s.client.get(`/__manifest?${query}`));
  }

  /** From the finish screen to the next lesson (a link: only the lesson route's data). */
  private async openLesson(lesson: PlannedLesson) {
    await this.manifest([`/learn/${lesson.slug}`]);
    // A lesson taken before opens on its finish screen; go to its first step instead.
    const path = this.visited.has(lesson.slug) ? `/learn/${lesson.slug}?step=${lesson.steps[0]!.id}` : `/learn/${lesson.slug}`;
    this.visited.add(lesson.slug);
    // the route's client loader fetches the new lesson's text (named in its data) before it shows
    const [data] = await this.navigate("next lesson", path, [LESSON_ROUTE]);
    await this.contentAssets([...(data?.text ?? "").matchAll(/\/lesson-content\/[^"\\]+\.json/g)].map((m) => m[0]));
    this.active.mount(lesson.slug, lesson.steps[0]!.id);
    await this.widgets(lesson.steps[0]!);
  }

  // ---- A lesson ------------------------------------------------------------------------------

  private async takeLesson(lesson: PlannedLesson) {
    const stepPath = (id: string) => `/learn/${lesson.slug}?step=${id}`;
    const playgroundAt = this.s.playground ? Math.floor(this.s.random() * lesson.steps.length) : -1;
    for (const [i, step] of lesson.steps.entries()) {
      await this.read(8_000, 20_000);
      for (const check of step.checks) {
        await this.read(4_000, 8_000);
        await this.submit("check", stepPath(step.id), check, stepPath(step.id));
      }
      if (i === playgroundAt) await this.visitPlayground(lesson, step);
      const next = lesson.steps[i + 1];
      const target = next ? stepPath(next.id) : `/learn/${lesson.slug}?view=${lesson.quizAnswers ? "quiz" : "done"}`;
      await this.submit("next", stepPath(step.id), [["intent", "next"], ["step", step.id], ["seconds", String(this.active.take())]], target);
      this.leave();
      if (next) {
        this.active.mount(lesson.slug, next.id);
        await this.widgets(next);
      } else if (lesson.quizAnswers) {
        this.active.mount(lesson.slug, QUIZ_POSITION);
      }
    }
    if (lesson.quizAnswers) {
      const quizPath = `/learn/${lesson.slug}?view=quiz`;
      await this.read(40_000, 80_000);
      await this.submit("quiz", quizPath, [["intent", "quiz"], ["attempt", "1"], ["seconds", String(this.active.take())], ...lesson.quizAnswers], quizPath);
      await this.read(8_000, 15_000);
      await this.navigate("finish", `/learn/${lesson.slug}?view=done`, [LESSON_ROUTE]);
      this.leave();
    }
    await this.pause(3_000, 6_000);
  }

  /** One in ten: to the playground, two prompts, back to the step. */
  private async visitPlayground(lesson: PlannedLesson, step: PlannedStep) {
    await this.navigate("playground", "/playground", [PLAYGROUND_ROUTE]);
    this.leave();
    let conversation = "";
    for (let k = 0; k < 2; k++) {
      await this.pause(8_000, 15_000);
      const prompt = PROMPTS[Math.floor(this.s.random() * PROMPTS.length)]!;
      conversation = await this.exchange(conversation, prompt);
      await this.pause(8_000, 15_000);
    }
    await this.navigate("back to the lesson", `/learn/${lesson.slug}?step=${step.id}`, [LESSON_ROUTE]);
    this.active.mount(lesson.slug, step.id);
  }

  /** One exchange as the chat sends it; returns the conversation's id. */
  private async exchange(conversation: string, prompt: string): Promise<string> {
    const started = performance.now();
    let id = conversation;
    let firstText = 0;
    let finished = false;
    const follow: Promise<unknown>[] = [];
    const parse = createEventParser((event) => {
      if (event.type === "start" && event.conversationId !== conversation) {
        id = event.conversationId;
        // the chat moves to the new conversation's URL while the reply streams
        const moved = this.navigate("playground", `/playground?c=${id}`, [PLAYGROUND_ROUTE]);
        // handled here too: when the run ends mid-reply the stream throws first, and this one
        // (aborted as well) must not become an unhandled rejection that kills the benchmark
        moved.catch(() => {});
        follow.push(moved);
      }
      if (event.type === "text" && !firstText) {
        firstText = performance.now();
        this.s.recorder.request("playground first text", firstText - started);
      }
      if (event.type === "done") finished = true;
      if (event.type === "error") this.s.recorder.error(`playground stream: ${event.code}`);
    });
    const decoder = new TextDecoder();
    const answer = await this.call(
      "playground stream",
      () =>
        this.s.client.postForm(
          "/api/playground/stream",
          [["conversationId", conversation], ["model", this.s.model], ["prompt", prompt], ["intent", "send"]],
          { headers: { accept: "text/event-stream" }, timeoutMs: 60_000, onChunk: (chunk) => parse(decoder.decode(chunk, { stream: true })) },
        ),
    );
    if (answer && !finished) this.s.recorder.error("playground stream ended without done");
    await Promise.all(follow);
    // settled: the stored messages are fetched again
    if (id) await this.navigate("playground", `/playground?c=${id}`, [PLAYGROUND_ROUTE]);
    return id;
  }

  // ---- Requests ------------------------------------------------------------------------------

  /** A lesson form posted by Remix (action), then the data request of the page it leads to. */
  private async submit(kind: string, actionPath: string, form: [string, string][], target: string) {
    const page = this.s.recorder.startPage(kind);
    const posted = await this.call(`${kind} POST`, () => this.s.client.postForm(dataUrl(actionPath), form), [202]);
    if (posted) await this.call("data (revalidate)", () => this.s.client.get(dataUrl(target, LESSON_ROUTE)));
    this.s.recorder.endPage(page);
  }

  /** A link followed client-side: one data request per route whose loader runs. */
  private async navigate(kind: string, path: string, routes: string[]) {
    const page = this.s.recorder.startPage(kind);
    const answers = await Promise.all(routes.map((route) => this.call("data (link)", () => this.s.client.get(dataUrl(path, route), { text: true }))));
    this.s.recorder.endPage(page);
    return answers;
  }

  private readonly contentHeld = new Set<string>();

  /** Content-hashed assets (the catalog, a lesson's text): fetched once, then the browser's cache answers. */
  private async contentAssets(urls: string[]) {
    const fresh = [...new Set(urls)].filter((url) => !this.contentHeld.has(url));
    for (const url of fresh) this.contentHeld.add(url);
    await Promise.all(fresh.map((url) => this.call("content asset", () => this.s.client.get(url))));
  }

  /** Leaving a step or the quiz: its unsent seconds go out in the background. */
  private leave() {
    const left = this.active.unmount();
    if (left) this.sendTime(left.slug, left.position, left.seconds);
  }

  /** The active-time beacon, sent without waiting for it (as the page's fetch with keepalive). */
  private sendTime(slug: string, position: string, seconds: number) {
    const form: [string, string][] = [["seconds", String(seconds)], ["step", position]];
    this.call("active time", () => this.s.client.postForm(`/learn/${slug}/time`, form), [204]).catch(() => {
      // aborted at the end of the run
    });
  }

  private async widgets(step: PlannedStep) {
    await Promise.all(step.widgetCalls.map((w) => this.widget(w)));
  }

  private widget(call: WidgetCall) {
    const headers = { accept: "application/json" };
    return this.call(`widget ${call.path.replace(/\?.*/, "")}`, () =>
      call.method === "GET"
        ? this.s.client.get(call.path, { headers })
        : this.s.client.request(call.path, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(call.json) }),
    );
  }

  /** Times one request; a failure or an unexpected status is recorded as an error (null returned). */
  private async call<T extends { status: number }>(kind: string, send: () => Promise<T>, expected = [200]): Promise<T | null> {
    if (this.s.signal.aborted) throw new Aborted();
    const started = performance.now();
    try {
      const answer = await send();
      this.s.recorder.request(kind, performance.now() - started);
      if (!expected.includes(answer.status)) {
        this.s.recorder.error(`${kind} → ${answer.status}`);
        return null;
      }
      return answer;
    } catch (error) {
      if (this.s.signal.aborted) throw new Aborted();
      this.s.recorder.error(`${kind}: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`);
      return null;
    }
  }

  // ---- Time ----------------------------------------------------------------------------------

  /** Reads the current step for a while; the page's 30-second active-time flushes go out meanwhile. */
  private async read(minMs: number, maxMs: number) {
    const end = performance.now() + minMs + this.s.random() * (maxMs - minMs);
    for (;;) {
      const flushAt = this.active.nextFlushAt();
      if (flushAt === null || flushAt >= end) break;
      await this.sleep(flushAt - performance.now());
      const where = this.active.current!;
      this.sendTime(where.slug, where.position, this.active.take(30));
    }
    await this.sleep(end - performance.now());
  }

  /** Time away from the lesson (the playground, the finish screen): no active-time count. */
  private pause(minMs: number, maxMs: number) {
    return this.sleep(minMs + this.s.random() * (maxMs - minMs));
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.s.signal;
    if (signal.aborted) return Promise.reject(new Aborted());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Aborted());
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
