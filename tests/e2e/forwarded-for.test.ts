/**
 * Behind TRUST_PROXY=1 (one reverse proxy, as the e2e server runs), the client's address is the
 * one that proxy reports — the rightmost X-Forwarded-For entry — never an entry the client wrote
 * itself. Observed where it matters: the per-address budget of the widget APIs (the same address
 * sign-in throttling and logs use, Express's req.ip).
 */
import { afterAll, describe, expect, it } from "vitest";
import { rateKey } from "../../app/models/request-rates.server";
import { baseUrl, closeTestSql, testSql } from "./setup/context";

async function tokenize(forwardedFor: string, text = "hello"): Promise<Response> {
  return fetch(`${baseUrl()}/api/tokenize`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl(), "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ text }),
  });
}

async function charged(address: string): Promise<number> {
  const [row] = await testSql()<{ used: number }[]>`select used from request_rates where key = ${rateKey("widgets:address", address)}`;
  return row?.used ?? 0;
}

afterAll(closeTestSql);

describe("X-Forwarded-For behind one trusted proxy", () => {
  it("charges the address the proxy reported, not the one the client forged", async () => {
    const res = await tokenize("6.6.6.6, 198.18.7.1");
    expect(res.status).toBe(200);
    expect(await charged("198.18.7.1")).toBe(1);
    expect(await charged("6.6.6.6")).toBe(0);
  });

  it("lets no client escape its budget by inventing a new address on every request", async () => {
    const real = "198.18.7.2";
    const text = "x".repeat(2_000);
    let refused: Response | null = null;
    for (let i = 0; i < 500 && !refused; i++) {
      const res = await tokenize(`10.${i % 250}.${i >> 8}.1, ${real}`, text);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused, "the forged addresses did not reset the budget").not.toBeNull();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await charged("10.0.0.1")).toBe(0);
  });
});
