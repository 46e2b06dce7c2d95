/**
 * The screen's regular expressions are compiled after the server starts, a turn of the event loop
 * each (app/playground/warm-up.server.ts): the first student's message no longer holds up every
 * request for about a second while V8 compiles ~200 of them. How long that took is measured by
 * `npm run bench` (the playground's first exchange after a start), not here.
 */
import { describe, expect, it } from "vitest";
import * as entry from "~/entry.server";
import { crisisRulePatterns, detectCrisis } from "~/playground/crisis";
import { screenPrompt } from "~/playground/screening";
import { warmScreening } from "~/playground/warm-up.server";

describe("warming the screen up", () => {
  it("runs every crisis rule, each in a turn of its own, so other requests are served in between", async () => {
    let othersServed = 0;
    let done = false;
    const other = () => {
      if (done) return;
      othersServed++;
      setImmediate(other);
    };
    setImmediate(other);
    const turns = await warmScreening();
    done = true;
    expect(turns).toBeGreaterThan(crisisRulePatterns().length);
    // another request had a turn beside nearly every one of the warm-up's
    expect(othersServed).toBeGreaterThanOrEqual(turns - 1);
  });

  it("leaves every rule reading from the start of a message: the readings after are the same", async () => {
    await warmScreening();
    expect(crisisRulePatterns().filter((p) => p.lastIndex !== 0)).toEqual([]);
    for (let i = 0; i < 2; i++) {
      expect(detectCrisis("i want to die").categories).toEqual(["suicide"]);
      expect(detectCrisis("我不想活了").categories).toEqual(["suicide"]);
      expect(detectCrisis("what is a token?").matched).toBe(false);
      expect(screenPrompt("my password is fluffy123", { blockedTopics: [] }).ok).toBe(false);
    }
  });

  it("is what the server runs once it listens: the build's entry exports it (server/http.ts)", () => {
    expect(entry.warmUp).toBe(warmScreening);
  });
});
