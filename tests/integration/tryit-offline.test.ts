/**
 * Every "Try it" can be completed on the default install: no Claude key, only the offline mini
 * model. A student opens each try-it in the playground (the real loader), does what the lesson
 * says (usually: send the prefilled prompt), the real stream route answers with the mini model,
 * and the check the page shows for that exchange passes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { loader as playgroundLoader } from "../../app/routes/playground";
import { getCourse } from "../../app/course/course.server";
import { gradeExchange } from "../../app/course/tryit-check";
import type { Block, Locale } from "../../app/course/types";
import { configureProviders } from "../../app/playground/providers.server";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import type { TryItView } from "../../app/components/playground/types";
import type { SessionUser } from "../../app/utils/session.server";
import { cookieFor, makeClass, makeSchool, makeStudentIn, requestAs } from "../factories";

/**
 * What the lesson asks the student to do with the prefilled prompt before sending it, where it
 * asks for more than pressing Send (the step text around each try-it says so).
 */
const AS_INSTRUCTED: Record<string, (prompt: string, locale: Locale) => string> = {
  // Lesson 7: delete what the request does not need; replace what it needs with [placeholders].
  "responsible-ai-try-1": (_prompt, locale) =>
    ({
      en: "Hi! I'm [my name], in [my grade]. Please write a short, friendly message introducing me to my new basketball club's group chat. Keep any words in [square brackets] exactly as they are, so I can fill them in myself.",
      "zh-Hans": "你好！我叫【我的名字】，在【我的年级】。请帮我写一段简短、友好的自我介绍，发到我刚加入的篮球社的群聊里。方括号里的内容请原样保留，我之后自己填。",
      "zh-Hant": "你好！我叫【我的名字】，在【我的年級】。請幫我寫一段簡短、友好的自我介紹，發到我剛加入的籃球社的群組裡。方括號裡的內容請原樣保留，我之後自己填。",
    })[locale],
};

let student: SessionUser;

beforeAll(async () => {
  configureProviders({ claude: null, claudeModels: [] }); // the default install: no key
  const school = await makeSchool();
  const cls = await makeClass(school.admin);
  await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, messagesPerMinute: 600 });
  student = await makeStudentIn(cls.id);
});

function tryitsOf(blocks: readonly Block[]): Extract<Block, { t: "tryit" }>[] {
  return blocks.flatMap((b) =>
    b.t === "tryit" ? [b] : b.t === "callout" || b.t === "quote" ? tryitsOf(b.c) : b.t === "ul" || b.t === "ol" ? b.items.flatMap(tryitsOf) : [],
  );
}

const LANG: Record<Locale, string> = { en: "en", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW" };

async function loadPlayground(query: string, locale: Locale) {
  const request = await requestAs(student, `/playground${query}`, { headers: { "Accept-Language": LANG[locale] } });
  return (await playgroundLoader({ request, params: {}, context: {} } as unknown as LoaderFunctionArgs)) as unknown as {
    tryit: TryItView | null;
    prefill: string;
    models: { id: string; provider: "mini" | "claude" }[];
    current: { messages: { role: string; text: string; model: string | null }[] } | null;
  };
}

async function send(prompt: string, tryit: string, model: string, locale: Locale): Promise<string> {
  const request = new Request("http://localhost/api/playground/stream", {
    method: "POST",
    headers: {
      Cookie: await cookieFor(student),
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "http://localhost",
      "Accept-Language": LANG[locale],
    },
    body: new URLSearchParams({ prompt, model, tryit }),
  });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  const start = events.find((e) => "conversationId" in e) as { conversationId: string } | undefined;
  if (!start) throw new Error(`no conversation: ${JSON.stringify(events)}`);
  return start.conversationId;
}

const cases = getCourse().lessons.flatMap((lesson) =>
  (["en", "zh-Hans", "zh-Hant"] as const).flatMap((locale) =>
    lesson.content[locale].steps.flatMap((step) => tryitsOf(step.blocks).map((b) => ({ ref: `${lesson.slug}:${b.id}`, id: b.id, locale }))),
  ),
);

describe("every try-it with only the mini model", () => {
  it("covers every try-it of the course in every language", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3 * 13);
  });

  it.each(cases)("$ref ($locale) passes its check when done as the lesson says", async ({ ref, id, locale }) => {
    const page = await loadPlayground(`?tryit=${encodeURIComponent(ref)}`, locale);
    expect(page.models.map((m) => m.provider)).toEqual(["mini"]);
    const tryit = page.tryit!;
    const prompt = AS_INSTRUCTED[id]?.(tryit.prompt, locale) ?? tryit.prompt;
    const conversationId = await send(prompt, ref, page.models[0]!.id, locale);
    const after = await loadPlayground(`?c=${conversationId}&tryit=${encodeURIComponent(ref)}`, locale);
    const [asked, reply] = after.current!.messages;
    expect(asked!.text).toBe(prompt);
    expect(reply!.role).toBe("assistant");
    const result = gradeExchange(after.tryit!, { prompt: asked!.text, reply: reply!.text, provider: "mini" });
    expect(result, `${ref} ${locale}\nprompt: ${asked!.text}\nreply: ${reply!.text}`).toMatchObject({ passed: true });
  });
});
