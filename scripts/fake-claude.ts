/**
 * Runs the fake Anthropic API for local development, so the playground works with no key and
 * no network:
 *
 *   node --import tsx scripts/fake-claude.ts
 *   FAKE_CLAUDE_PORT=4010 FAKE_CLAUDE_TOKEN_DELAY_MS=40 node --import tsx scripts/fake-claude.ts
 */
import { startFakeAnthropic } from "./harness/fake-anthropic";

const port = Number(process.env.FAKE_CLAUDE_PORT ?? 4010);
// A small delay per token makes streaming visible in the browser, like the real API.
const tokenDelayMs = Number(process.env.FAKE_CLAUDE_TOKEN_DELAY_MS ?? 40);

const fake = await startFakeAnthropic({ port, tokenDelayMs });
console.log(`Fake Claude API listening on ${fake.url} (key: ${fake.apiKey})`);
console.log(`ANTHROPIC_BASE_URL=${fake.url} ANTHROPIC_API_KEY=${fake.apiKey}`);

async function shutdown() {
  await fake.close();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
