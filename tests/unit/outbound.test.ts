/**
 * A school connection's requests are refused where the socket would be opened, by the address
 * really connected to (decision 015, update of 2026-12-07): the real @anthropic-ai/sdk, the real
 * undici, the fake Anthropic API on 127.0.0.1. Names are resolved by a resolver the test plays,
 * so nothing here asks a real DNS server or touches the internet.
 */
import net from "node:net";
import tls from "node:tls";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { classifyError, createClaudeProvider, listClaudeModels } from "~/playground/claude.server";
import { baseUrlRefused, configureModelAddresses, fetchThrough, guardedDispatcher, refusalIsFinal, type Resolve } from "~/playground/outbound.server";
import type { ChatEvent } from "~/playground/provider";
import { parseAddressPolicy } from "~/utils/address-policy.server";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";

let fake: FakeAnthropic;
let port: string;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  port = new URL(fake.url).port;
});
afterEach(() => {
  fake.reset();
  configureModelAddresses(null);
  vi.restoreAllMocks();
});
afterAll(() => fake.close());

const REQUEST = { model: "claude-haiku-5-5", system: "", messages: [{ role: "user" as const, content: "Hi" }], maxTokens: 16, temperature: 0 };

async function lastEvent(baseURL: string, maxRetries = 0): Promise<ChatEvent> {
  const events: ChatEvent[] = [];
  const provider = createClaudeProvider({ apiKey: fake.apiKey, baseURL, timeoutMs: 2_000, maxRetries, guarded: true });
  for await (const e of provider.stream(REQUEST, new AbortController().signal)) events.push(e);
  return events.at(-1)!;
}

/** Counts the sockets undici opens (it calls net.connect and tls.connect as they are at the time). */
function watchSockets() {
  return { tcp: vi.spyOn(net, "connect"), tls: vi.spyOn(tls, "connect") };
}

function policy(text: string) {
  const parsed = parseAddressPolicy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

/** A client through a dispatcher whose names resolve as `answers` says, in turn. */
function clientResolving(text: string, answers: string[][]) {
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    const next = answers[Math.min(asked.length - 1, answers.length - 1)]!;
    return next.map((address) => ({ address, family: net.isIP(address) }));
  };
  const dispatcher = guardedDispatcher(policy(text), resolve);
  const client = (baseURL: string, maxRetries = 0) =>
    new Anthropic({ apiKey: fake.apiKey, baseURL, maxRetries, timeout: 2_000, fetch: fetchThrough(() => dispatcher), middleware: [refusalIsFinal] });
  return { client, asked, resolve };
}

describe("the default policy", () => {
  it("reaches a model server on this machine (the fake API on 127.0.0.1)", async () => {
    const sockets = watchSockets();
    expect(await lastEvent(fake.url)).toEqual({ type: "done", stopReason: "end_turn" });
    expect(fake.requests.filter((r) => r.path === "/v1/messages")).toHaveLength(1);
    // the watch sees sockets: its silence below means something
    expect(sockets.tcp).toHaveBeenCalled();
  });

  it.each([
    "http://169.254.169.254",
    "http://169.254.169.254/latest/meta-data",
    "http://2852039166",
    "http://0xa9fea9fe",
    "http://0251.0376.0251.0376",
    "https://[::ffff:a9fe:a9fe]",
    "https://[::ffff:169.254.169.254]:8443",
    "http://[fe80::1]:11434",
    "http://[fd00:ec2::254]",
    "http://100.100.100.200",
    "http://224.0.0.1",
  ])("refuses %s before any socket is opened", async (url) => {
    const sockets = watchSockets();
    expect(await lastEvent(url, 2)).toEqual({ type: "error", code: "address_refused" });
    expect(await listClaudeModels({ apiKey: "k", baseURL: url, maxRetries: 2, guarded: true })).toEqual({ ok: false, code: "address_refused" });
    expect(sockets.tcp).not.toHaveBeenCalled();
    expect(sockets.tls).not.toHaveBeenCalled();
  });

  it("refuses 0.0.0.0, which on Linux reaches this machine's own services", async () => {
    expect(await lastEvent(`http://0.0.0.0:${port}`)).toEqual({ type: "error", code: "address_refused" });
    expect(await lastEvent(`http://0:${port}`)).toEqual({ type: "error", code: "address_refused" });
    expect(fake.requests).toEqual([]);
  });

  it("refuses a name any of whose addresses is refused, without connecting to the others", async () => {
    const { client } = clientResolving("public,private,loopback", [["127.0.0.1", "169.254.169.254"]]);
    await expect(client(`http://lab.school.example:${port}`).models.list()).rejects.toSatisfy((e) => classifyError(e).code === "address_refused");
    // 127.0.0.1 is the fake's, and allowed: it was not tried either
    expect(fake.requests).toEqual([]);
  });

  it("leaves the environment's own Claude connection alone (the operator's, not an admin's)", async () => {
    configureModelAddresses("public");
    const events: ChatEvent[] = [];
    for await (const e of createClaudeProvider({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 }).stream(REQUEST, new AbortController().signal)) events.push(e);
    expect(events.at(-1)?.type).toBe("done");
  });
});

describe("MODEL_CONNECTIONS_ALLOW=public: a district closes its networks and the server's loopback", () => {
  it("refuses the fake API on 127.0.0.1 and every spelling of it; it hears nothing", async () => {
    configureModelAddresses("public");
    for (const url of [fake.url, `http://0x7f.1:${port}`, `http://2130706433:${port}`, `http://127.1:${port}`, `http://[::ffff:127.0.0.1]:${port}`]) {
      expect(await lastEvent(url, 2)).toEqual({ type: "error", code: "address_refused" });
    }
    expect(await listClaudeModels({ apiKey: fake.apiKey, baseURL: fake.url, guarded: true })).toEqual({ ok: false, code: "address_refused" });
    expect(fake.requests).toEqual([]);
    // the same server, allowed again: the refusal was the policy's
    configureModelAddresses(null);
    expect((await lastEvent(fake.url)).type).toBe("done");
  });

  it("judges a name by what it resolves to when connecting: a name for 127.0.0.1 is refused", async () => {
    const open = clientResolving("public,private,loopback", [["127.0.0.1"]]);
    expect((await open.client(`http://lab.school.example:${port}`).models.list()).data.length).toBeGreaterThan(0);
    expect(open.asked).toEqual(["lab.school.example"]);
    fake.reset();
    const closed = clientResolving("public", [["127.0.0.1"]]);
    await expect(closed.client(`http://lab.school.example:${port}`, 2).models.list()).rejects.toSatisfy((e) => classifyError(e).code === "address_refused");
    // refused once, not tried again
    expect(closed.asked).toEqual(["lab.school.example"]);
    expect(fake.requests).toEqual([]);
  });

  it("a name that looked public when saved and resolves to loopback when used (DNS rebinding) is refused", async () => {
    configureModelAddresses("public");
    const { client, resolve } = clientResolving("public", [["93.184.215.14"], ["127.0.0.1"]]);
    const url = `http://rebind.attacker.example:${port}`;
    expect(await baseUrlRefused(url, resolve)).toBe(false);
    await expect(client(url).messages.create({ model: "m", max_tokens: 1, messages: [{ role: "user", content: "Hi" }] })).rejects.toSatisfy(
      (e) => classifyError(e).code === "address_refused",
    );
    expect(fake.requests).toEqual([]);
  });

  it("a listed name is allowed whatever it resolves to, but never to link-local", async () => {
    const listed = clientResolving("public,ollama.district.example", [["127.0.0.1"]]);
    expect((await listed.client(`http://ollama.district.example:${port}`).models.list()).data.length).toBeGreaterThan(0);
    const metadata = clientResolving("public,ollama.district.example", [["169.254.169.254"]]);
    await expect(metadata.client(`http://ollama.district.example:${port}`).models.list()).rejects.toSatisfy((e) => classifyError(e).code === "address_refused");
  });
});

describe("the check before a save", () => {
  const noDns: Resolve = () => Promise.reject(new Error("no resolver in this test"));

  it("judges addresses in the URL without asking a resolver", async () => {
    expect(await baseUrlRefused("http://2852039166", noDns)).toBe(true);
    expect(await baseUrlRefused("http://[::ffff:a9fe:a9fe]:11434", noDns)).toBe(true);
    expect(await baseUrlRefused(`http://127.0.0.1:${port}`, noDns)).toBe(false);
    configureModelAddresses("public");
    expect(await baseUrlRefused("http://0x7f.1:11434", noDns)).toBe(true);
    expect(await baseUrlRefused("http://192.168.1.20:11434", noDns)).toBe(true);
  });

  it("a name that cannot be resolved now is left to the check when it is connected to", async () => {
    configureModelAddresses("public");
    expect(await baseUrlRefused("http://ollama.not-yet.example", noDns)).toBe(false);
  });
});
