/**
 * Password checks (sign-in and the account page's current password) share three throttles:
 * the account from this address (what a guesser hits), the account from anywhere (guessing from
 * many addresses; capped low so its owner always gets in soon) and the address (a high ceiling
 * for a whole school behind one NAT). See docs/decisions/007-sign-in-throttling.md.
 */
import { claimAttempt, forgetKeys, refundAttempt, type Claim, type ThrottleKey } from "./throttle.server";
import { normalizeUsername } from "./credentials";

function passwordKeys(login: string, clientAddress: string) {
  const account = normalizeUsername(login);
  return {
    device: { kind: "signin-device", value: `${account} ${clientAddress}`, account },
    account: { kind: "signin-account", value: account, account },
    address: { kind: "signin-address", value: clientAddress },
  } satisfies Record<string, ThrottleKey>;
}

/** Counts a password check before it runs; refused while a delay is running. */
export function claimPasswordCheck(login: string, clientAddress: string): Promise<Claim> {
  const keys = passwordKeys(login, clientAddress);
  return claimAttempt([keys.device, keys.account, keys.address]);
}

/** The right password: the account's throttles are forgotten, the address gets its attempt back. */
export async function passwordCheckSucceeded(login: string, clientAddress: string): Promise<void> {
  const keys = passwordKeys(login, clientAddress);
  await forgetKeys([keys.device, keys.account]);
  await refundAttempt(keys.address);
}
