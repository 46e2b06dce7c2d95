/**
 * Active time reported from the browser (app/components/lesson/active-time.ts). The teacher's live
 * view learns which lesson a student is in from these reports: a lesson opened is reported after
 * 5 active seconds, then every 30 (found in a walk: the live view showed the last lesson for up
 * to 40 s after a student opened a new one).
 */
import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useActiveTime } from "~/components/lesson/active-time";

function Step({ lesson, step }: { lesson: string; step: string }) {
  useActiveTime(true, lesson, step);
  return null;
}

const posted = () => (fetch as unknown as ReturnType<typeof vi.fn>).mock.calls.map(([url, init]) => [url, Object.fromEntries(init.body as URLSearchParams)]);

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response(null, { status: 204 }))));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Seconds of a learner scrolling now and then. */
function activeFor(seconds: number) {
  for (let i = 0; i < seconds; i++) {
    window.dispatchEvent(new Event("scroll"));
    vi.advanceTimersByTime(1000);
  }
}

describe("active time", () => {
  it("reports a lesson just opened after 5 active seconds, then every 30; a step of the same lesson waits the 30", () => {
    const page = render(<Step lesson="tokens" step="s1" />);
    activeFor(4);
    expect(posted()).toEqual([]);
    activeFor(1);
    expect(posted()).toEqual([["/learn/tokens/time", { seconds: "5", step: "s1" }]]);
    activeFor(29);
    expect(posted()).toHaveLength(1);
    activeFor(1);
    expect(posted().at(-1)).toEqual(["/learn/tokens/time", { seconds: "30", step: "s1" }]);
    // the next step of the same lesson: nothing new to tell the live view early
    page.rerender(<Step lesson="tokens" step="s2" />);
    activeFor(10);
    expect(posted()).toHaveLength(2);
    // another lesson: told early again
    page.rerender(<Step lesson="prompting" step="p1" />);
    activeFor(5);
    expect(posted().at(-1)).toEqual(["/learn/prompting/time", { seconds: "5", step: "p1" }]);
    page.unmount();
  });
});
