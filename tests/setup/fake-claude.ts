/**
 * The environment's Claude, for one test file: the real SDK against the fake Anthropic API
 * (scripts/harness/fake-anthropic.ts), started before the file's tests, its script cleared after
 * each, and stopped at the end. Returns the running fake (set once the file's tests start).
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import { configureProviders } from "../../app/playground/providers.server";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";

export function withFakeClaude(claudeModels: string[]): () => FakeAnthropic {
  let fake: FakeAnthropic | undefined;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
    configureProviders({ claude: { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 800, maxRetries: 0 }, claudeModels });
  });
  afterEach(() => fake?.reset());
  afterAll(async () => {
    configureProviders(null);
    await fake?.close();
  });
  return () => fake!;
}
