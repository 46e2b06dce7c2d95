/**
 * The fake Anthropic API lives in the global-setup process, but tests run in a worker: this
 * small HTTP server on 127.0.0.1 lets a test script the fake's next replies and read what it
 * received. Tests use the client half (`fakeAnthropic()` in ./context.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeAnthropic, ScriptStep } from "../../../scripts/harness/fake-anthropic";

export async function startFakeControl(fake: FakeAnthropic): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown) : null;
    const reply = (value: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    switch (`${req.method} ${req.url}`) {
      case "POST /script":
        fake.script(...(body as ScriptStep[]));
        return reply({ pending: fake.pendingSteps });
      case "POST /reset":
        fake.reset();
        return reply({ ok: true });
      case "GET /requests":
        return reply({ requests: fake.requests, disconnects: fake.disconnects, pending: fake.pendingSteps });
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
