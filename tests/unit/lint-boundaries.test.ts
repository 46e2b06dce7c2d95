/**
 * The layer rule of eslint.config.mjs, run with the project's own configuration on code that
 * breaks it: an upward import fails, the same import of a type only is allowed where the
 * config says so, and browser code cannot import a `.server` module.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint keeps the layers", () => {
  it("fails a model that imports a component (upward)", async () => {
    const found = await problems(
      "app/models/lint-fixture.server.ts",
      'import { ProgressMatrix } from "~/components/teach/progress-matrix";\nexport const x = ProgressMatrix;\n',
    );
    expect(found.some((p) => p.startsWith("boundaries/dependencies"))).toBe(true);
  }, 60_000);

  it("fails the database layer importing the app, and scripts importing tests", async () => {
    expect((await problems("db/lint-fixture.ts", 'import { createClass } from "../app/models/classes.server";\nexport const x = createClass;\n')).join("\n")).toMatch(
      /boundaries\/dependencies/,
    );
    expect(
      (await problems("scripts/lint-fixture.ts", 'import { cookieFor } from "../tests/factories";\nexport const x = cookieFor;\n')).join("\n"),
    ).toMatch(/boundaries\/dependencies/);
  }, 60_000);

  it("allows a downward import, and a component naming a model's type", async () => {
    expect(await problems("app/models/lint-fixture.server.ts", 'import { db } from "~/utils/db.server";\nexport const x = db;\n')).toEqual([]);
    expect(
      await problems("app/components/teach/lint-fixture.tsx", 'import type { PageStudent } from "~/teach/class-page.server";\nexport type X = PageStudent;\n'),
    ).toEqual([]);
  }, 60_000);

  it("fails browser code that imports a .server module's code", async () => {
    const found = await problems("app/components/teach/lint-fixture.tsx", 'import { db } from "~/utils/db.server";\nexport const x = db;\n');
    expect(found.join("\n")).toMatch(/may not import a \.server module/);
  }, 60_000);
});
