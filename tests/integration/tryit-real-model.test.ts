/**
 * The lesson page knows whether the learner can reach a real model: without one (no key, or the
 * class allows only the mini model) its try-its offer their recorded reply; with Claude they do
 * not. The real loader, the real Anthropic SDK against the local fake for the model list.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lessonContentOf } from "../../app/components/lesson/content";
import { loader as lessonLoader } from "../../app/routes/learn.$lesson";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { configureProviders, MINI_MODEL_ID } from "../../app/playground/providers.server";
import type { SessionUser } from "../../app/utils/session.server";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";
import { makeClass, makeSchool, makeStudentIn, requestAs } from "../factories";

let fake: FakeAnthropic;
let student: SessionUser;
let cls: Awaited<ReturnType<typeof makeClass>>;
let school: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  school = await makeSchool();
  cls = await makeClass(school.admin);
  student = await makeStudentIn(cls.id);
});
afterAll(async () => {
  configureProviders(null);
  await fake.close();
});

async function realModelOnTryItStep(): Promise<boolean> {
  const request = await requestAs(student, "/learn/prompting?step=be-clear");
  const data = (await lessonLoader({ request, params: { lesson: "prompting" }, context: {} } as unknown as LoaderFunctionArgs)) as {
    content: string;
    step: { index: number; realModel: boolean };
  };
  expect(lessonContentOf(data.content).steps[data.step.index]!.blocks.some((b) => b.t === "tryit")).toBe(true);
  return data.step.realModel;
}

describe("a try-it step knows whether a real model answers", () => {
  it("no key: no real model", async () => {
    configureProviders({ claude: null, claudeModels: [] });
    expect(await realModelOnTryItStep()).toBe(false);
  });

  it("Claude configured: a real model; the class allowing only the mini model: none", async () => {
    configureProviders({ claude: { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 2000, maxRetries: 0 }, claudeModels: ["claude-haiku-4-5"] });
    await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, allowedModels: [MINI_MODEL_ID, "claude-haiku-4-5"] });
    expect(await realModelOnTryItStep()).toBe(true);
    await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, allowedModels: [MINI_MODEL_ID] });
    expect(await realModelOnTryItStep()).toBe(false);
  });
});
