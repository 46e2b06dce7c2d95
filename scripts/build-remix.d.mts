/** Types for scripts/build-remix.mjs (a plain script: it runs before anything is compiled). */
export function withoutShutdownTrace(lines: string[], exitCode: number): string[];
