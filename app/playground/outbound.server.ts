/**
 * The way out to a school's model connections: every request the SDK makes for one (finding
 * models, the admin's test, a student's message, a try-it) goes through `guardedFetch`, whose
 * connections are opened only to addresses the server's policy allows (MODEL_CONNECTIONS_ALLOW,
 * app/utils/address-policy.server.ts; decision 015, update of 2026-12-07).
 *
 * The address is judged where the socket is opened, after the name is resolved, and the socket
 * goes to the very address judged: a host name that resolves to a refused address — or resolves
 * to an allowed one when saved and to another later (DNS rebinding) — is refused. An address
 * typed in any form (http://2852039166/, http://0x7f.1/, http://[::ffff:a9fe:a9fe]/) reaches the
 * check as the address it is: the URL parser writes it as one, and a name is judged by what it
 * resolves to. Redirects are new connections through the same check.
 */
import dns from "node:dns";
import net from "node:net";
import type { Middleware } from "@anthropic-ai/sdk";
import type { buildConnector, Dispatcher } from "undici";
import { addressAllowed, parseAddressPolicy, type AddressPolicy } from "~/utils/address-policy.server";
import { env } from "~/utils/env.server";

const REFUSED = "LANTERN_ADDRESS_REFUSED";

/** Says nothing of the address: the admin's page shows only what they typed. */
export class AddressRefusedError extends Error {
  override name = "AddressRefusedError";
  readonly code = REFUSED;
  constructor() {
    super("this server's MODEL_CONNECTIONS_ALLOW does not allow connections to that address");
  }
}

/** Whether an error, or any error it was caused by, is a refusal by the policy. */
export function isAddressRefused(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === REFUSED) return true;
  }
  return false;
}

/**
 * undici is loaded when a school connection is first used: about 4 MB of heap a server without
 * connections does not spend (the app runs in 192 MB, decision 005).
 */
let undici: Promise<typeof import("undici")> | null = null;
const loadUndici = () => (undici ??= import("undici"));

export type Resolve = (hostname: string, family: number) => Promise<dns.LookupAddress[]>;

const systemResolve: Resolve = (hostname, family) => dns.promises.lookup(hostname, { all: true, family });

/**
 * A dispatcher whose every connection is judged by `policy`: an address in the URL before the
 * socket is made, a name's every resolved address before one of them is connected to.
 * `resolve` is the system's resolver; tests give their own, to play a name's answers.
 */
export async function guardedDispatcher(policy: AddressPolicy, resolve: Resolve = systemResolve): Promise<Dispatcher> {
  const { Agent, buildConnector } = await loadUndici();
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    resolve(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
        // Every address, not only the first: the socket may try each of them (happy eyeballs).
        if (!addresses.every((a) => addressAllowed(policy, a.address, hostname))) return callback(new AddressRefusedError(), "", 0);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
  // net.connect skips `lookup` for an address: those are judged here, before any socket.
  const connectByName = buildConnector({ lookup });
  const connect: buildConnector.connector = (options, callback) => {
    if (net.isIP(options.hostname) && !addressAllowed(policy, options.hostname, options.hostname)) {
      queueMicrotask(() => callback(new AddressRefusedError(), null));
      return;
    }
    connectByName(options, callback);
  };
  return new Agent({ connect });
}

let override: AddressPolicy | null = null;
const dispatchers = new Map<string, Promise<Dispatcher>>();

/** Replaces MODEL_CONNECTIONS_ALLOW (tests); null goes back to it. */
export function configureModelAddresses(text: string | null): void {
  if (text === null) {
    override = null;
    return;
  }
  const parsed = parseAddressPolicy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  override = parsed.policy;
}

function modelAddressPolicy(): AddressPolicy {
  return override ?? env().MODEL_CONNECTIONS_ALLOW;
}

/**
 * One dispatcher per policy, so a kept-alive socket is only ever reused under the policy it was
 * judged by (the policy changes only in tests; a server reads it once).
 */
function currentDispatcher(): Promise<Dispatcher> {
  const policy = modelAddressPolicy();
  let dispatcher = dispatchers.get(policy.text);
  if (!dispatcher) {
    dispatcher = guardedDispatcher(policy);
    dispatchers.set(policy.text, dispatcher);
  }
  return dispatcher;
}

/** A `fetch` for the SDK (its `fetch` option) whose connections are made by `dispatcher`; undici's own fetch, as the dispatcher is undici's. */
export function fetchThrough(dispatcher: () => Promise<Dispatcher>): typeof fetch {
  return async (input, init) => {
    const [{ fetch: undiciFetch }, through] = await Promise.all([loadUndici(), dispatcher()]);
    type Init = NonNullable<Parameters<typeof undiciFetch>[1]>;
    return (await undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Init), dispatcher: through })) as unknown as Response;
  };
}

/** Every school connection's fetch: through the policy in force. */
export const guardedFetch = fetchThrough(currentDispatcher);

/**
 * A refusal is final: the SDK would retry it as a failed connection (and wait between tries)
 * though every try meets the same policy. An error thrown by a middleware, not by fetch, is not
 * retried.
 */
export const refusalIsFinal: Middleware = async (request, next) => {
  try {
    return await next(request);
  } catch (error) {
    if (isAddressRefused(error)) throw new AddressRefusedError();
    throw error;
  }
};

/** Whether the base URL's host is refused now, as far as the resolver can tell: a save is refused before anything is written. */
export async function baseUrlRefused(baseUrl: string, resolve: Resolve = systemResolve): Promise<boolean> {
  const policy = modelAddressPolicy();
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  if (net.isIP(hostname)) return !addressAllowed(policy, hostname, hostname);
  try {
    const addresses = await resolve(hostname, 0);
    return addresses.some((a) => !addressAllowed(policy, a.address, hostname));
  } catch {
    // Not resolvable now (a server not yet named, a resolver down): judged when it is connected to.
    return false;
  }
}
