/**
 * Throttles on what anyone may try without an account: looking up join codes and creating
 * accounts (joining a class, teacher sign-up), per client address. Both are generous enough for a
 * whole class behind one school address (docs/decisions/007-sign-in-throttling.md).
 */
import { findJoinableClass } from "./classes.server";
import { claimAttempt, refundAttempt, type Claim, type ThrottleKey } from "./throttle.server";

export type JoinLookup =
  | { throttled: false; cls: Awaited<ReturnType<typeof findJoinableClass>> }
  | { throttled: true; waitSeconds: number };

/**
 * The open class with this (well-formed) code. The lookup is counted before it runs; a code
 * that names a class gives its attempt back, so only wrong codes add up.
 */
export async function lookUpJoinCode(code: string, clientAddress: string): Promise<JoinLookup> {
  const key: ThrottleKey = { kind: "join-code", value: clientAddress };
  const claim = await claimAttempt([key]);
  if (!claim.ok) return { throttled: true, waitSeconds: claim.waitSeconds };
  const cls = await findJoinableClass(code);
  if (cls) await refundAttempt(key);
  return { throttled: false, cls };
}

/** One new account from this address; counted before the account is made. */
export function claimRegistration(clientAddress: string): Promise<Claim> {
  return claimAttempt([{ kind: "register", value: clientAddress }]);
}
