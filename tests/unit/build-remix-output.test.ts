/**
 * The build's wrapper (scripts/build-remix.mjs) leaves out the goroutine dump esbuild's service
 * prints when Remix's CLI exits under an unanswered ping, and nothing else.
 */
import { describe, expect, it } from "vitest";
import { withoutShutdownTrace } from "../../scripts/build-remix.mjs";

// As printed after a fresh clone's first `npm start` (esbuild 0.17.6, Remix 2.17.5).
const TRACE = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive]:
github.com/evanw/esbuild/internal/helpers.(*ThreadSafeWaitGroup).Wait(...)
\tgithub.com/evanw/esbuild/internal/helpers/waitgroup.go:36
main.runService.func2()
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:114 +0x59
main.runService(0x1)
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:160 +0x4ed
main.main()
\tgithub.com/evanw/esbuild/cmd/esbuild/main.go:232 +0x9e9

goroutine 18 [chan receive]:
main.runService.func1()
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:98 +0x4a
created by main.runService
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:97 +0x1e5

goroutine 19 [chan receive]:
main.(*serviceType).sendRequest(0xc00008fb90, {0x8ddb00, 0xc004b400f0})
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:192 +0xfa
main.runService.func3()
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:125 +0x39
created by main.runService in goroutine 1
\tgithub.com/evanw/esbuild/cmd/esbuild/service.go:122 +0x31c
`.split("\n");

describe("the build's standard error", () => {
  it("drops the shutdown trace after a build that succeeded", () => {
    expect(withoutShutdownTrace(["a warning before", ...TRACE], 0)).toEqual(["a warning before"]);
    expect(withoutShutdownTrace(TRACE, 0)).toEqual([]);
  });

  it("shows everything when the build failed", () => {
    expect(withoutShutdownTrace(TRACE, 1)).toEqual(TRACE);
  });

  it("shows the block when it holds more than a goroutine dump", () => {
    const withMessage = [...TRACE.slice(0, 3), "✘ [ERROR] Could not resolve \"~/missing\"", ...TRACE.slice(3)];
    expect(withoutShutdownTrace(withMessage, 0)).toEqual(withMessage);
  });

  it("leaves other output alone", () => {
    const lines = ["Warning: something the reader should see", "goroutine-looking text is fine here"];
    expect(withoutShutdownTrace(lines, 0)).toEqual(lines);
  });
});
