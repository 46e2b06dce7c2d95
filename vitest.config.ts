import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

// Three projects: pure unit tests (node), React component tests (happy-dom) and
// integration tests that each get a fresh PostgreSQL database cloned from a migrated template.
export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    reporters: ["default"],
    // vitest's default is one worker per core minus one: a single worker on a 2-core machine, so
    // every file ran after the other while most of them wait on PostgreSQL. Two workers keep both
    // cores busy.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          globals: true,
          environment: "node",
          include: ["tests/unit/**/*.test.ts"],
          // A timeout catches a hang, not slowness (npm run bench measures speed): the property
          // tests (every minute of a year's clock changes, every route) ran past the default 5 s
          // on this shared 2-core machine while a build ran beside them.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        esbuild: { jsx: "automatic" },
        test: {
          name: "dom",
          globals: true,
          environment: "happy-dom",
          include: ["tests/unit/**/*.test.tsx"],
          setupFiles: ["tests/setup/dom.ts"],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          globals: true,
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/file-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Real-browser journeys, accessibility, security headers and fuzzing against the real
        // server: the global setup starts one server (own database, own fake Anthropic API) per
        // worker, so two files run at once without seeing each other's data.
        resolve: { alias },
        test: {
          name: "e2e",
          globals: true,
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/setup/global.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
