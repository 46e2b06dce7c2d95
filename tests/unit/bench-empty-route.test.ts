/**
 * /bench/empty — the empty document route `npm run bench` compares the lesson page with — exists
 * only on a server started for the benchmark (LANTERN_BENCH=1). Anywhere else it is a 404, its
 * `.data` request too (both run this loader).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../../app/utils/env.server";

/** The route as a freshly started server would load it, with LANTERN_BENCH as given. */
async function routeWith(flag: string | undefined) {
  vi.resetModules();
  if (flag === undefined) vi.stubEnv("LANTERN_BENCH", undefined);
  else vi.stubEnv("LANTERN_BENCH", flag);
  return import("../../app/routes/bench.empty");
}

async function statusOf(loader: () => unknown): Promise<number> {
  try {
    await loader();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("/bench/empty", () => {
  it("is a 404 when the server was not started for the benchmark", async () => {
    for (const flag of [undefined, "0", "off"]) {
      const route = await routeWith(flag);
      expect(await statusOf(() => route.loader()), `LANTERN_BENCH=${flag}`).toBe(404);
    }
  });

  it("answers when LANTERN_BENCH=1", async () => {
    const route = await routeWith("1");
    expect(await statusOf(() => route.loader())).toBe(200);
  });

  it("is off by default in the configuration", () => {
    expect(parseEnv({}).LANTERN_BENCH).toBe(false);
    expect(parseEnv({ LANTERN_BENCH: "1" }).LANTERN_BENCH).toBe(true);
  });
});
