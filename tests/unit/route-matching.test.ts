/**
 * The server's route matching is prepared once per route tree (scripts/patch-dependencies.mjs
 * patches @remix-run/router, which flattened, ranked and compiled every route on every call).
 * The patch must be in place after `npm install`, and matching through it must still find the
 * route each URL belongs to — the first time and every time after, with the app's real routes.
 * The server render's own routes (route modules, server routes, data routes) are made once per
 * build, so its matching goes through the same preparation.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// the router exactly as the server loads it: through Remix's server runtime, as CommonJS
const runtimeRequire = createRequire(createRequire(import.meta.url).resolve("@remix-run/server-runtime"));
const routerFile = runtimeRequire.resolve("@remix-run/router");

interface AgnosticRouteObject {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: AgnosticRouteObject[];
}
type Match = { route: AgnosticRouteObject; params: Record<string, string> };
const { matchRoutes } = runtimeRequire("@remix-run/router") as { matchRoutes(routes: AgnosticRouteObject[], url: string): Match[] | null };

interface BuildRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}

/** The route tree as the server runtime builds it from the server build's route list. */
async function appRoutes(): Promise<AgnosticRouteObject[]> {
  // the server build, as `npm start` loads it (a path in a variable: it has no type declarations)
  const buildPath = "../../build/index.js";
  const build = (await import(/* @vite-ignore */ buildPath)) as { routes: Record<string, BuildRoute> };
  const all = Object.values(build.routes);
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, index: true, path: r.path, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
      );
  return tree(undefined);
}

const CASES: [string, string][] = [
  ["/", "routes/_index"],
  ["/learn", "routes/learn._index"],
  ["/learn/01-tokens", "routes/learn.$lesson"],
  ["/learn/01-tokens/time", "routes/learn.$lesson.time"],
  ["/teach/classes/12", "routes/teach.classes.$classId._index"],
  ["/teach/classes/12/display", "routes/teach.classes.$classId_.display"],
  ["/teach/classes/12/students/7", "routes/teach.classes.$classId.students.$studentId"],
  ["/teach/classes/12/export/gradebook.csv", "routes/teach.classes.$classId.export.gradebook[.csv]"],
  ["/admin/models/approved.csv", "routes/admin.models.approved[.csv]"],
  ["/teach/roster-template.csv", "routes/teach.roster-template[.csv]"],
  ["/api/playground/stream", "routes/api.playground.stream"],
  ["/TEACH/Classes/3", "routes/teach.classes.$classId._index"],
  ["/no/such/page", "routes/$"],
];

describe("route matching on the server", () => {
  it("runs the patched router (npm install applied scripts/patch-dependencies.mjs)", () => {
    const file = fs.readFileSync(routerFile, "utf8");
    expect(file).toContain("let branches = rankedBranchesOf(routes); // patched by Lantern");
    expect(file).toContain("function compilePathUncached(");
    expect(file).toContain("function matchRoutesUncached(");
  });

  it("finds each URL's route, and the same route again once prepared", async () => {
    const routes = await appRoutes();
    for (let round = 0; round < 3; round++) {
      for (const [url, leaf] of CASES) {
        const matches = matchRoutes(routes, url);
        expect(matches?.at(-1)?.route.id, `${url} (round ${round + 1})`).toBe(leaf);
      }
    }
    const lesson = matchRoutes(routes, "/learn/05-feedback")!.at(-1)!;
    expect(lesson.params).toEqual({ lesson: "05-feedback" });
    // a remembered match is handed out as a copy: what one caller changes, the next does not see
    lesson.params.lesson = "changed";
    expect(matchRoutes(routes, "/learn/05-feedback")!.at(-1)!.params).toEqual({ lesson: "05-feedback" });
    expect(matchRoutes(routes, "/learn/05-feedback")).not.toBe(matchRoutes(routes, "/learn/05-feedback"));
  });

  it("keeps one preparation per route tree: a different tree is matched on its own", async () => {
    const routes = await appRoutes();
    expect(matchRoutes(routes, "/learn/x")?.at(-1)?.route.id).toBe("routes/learn.$lesson");
    const other: AgnosticRouteObject[] = [{ id: "only", path: "/learn/:lesson/extra" }];
    expect(matchRoutes(other, "/learn/x")).toBeNull();
    expect(matchRoutes(other, "/learn/x/extra")?.[0]?.route.id).toBe("only");
  });
});

describe("the server render's routes", () => {
  // the render's own modules exactly as the server loads them (CommonJS, patched by npm install)
  const reactRequire = createRequire(createRequire(import.meta.url).resolve("@remix-run/react"));
  const { createEntryRouteModules } = runtimeRequire("./entry.js") as { createEntryRouteModules(manifest: object): Record<string, unknown> };
  const { createStaticRouter } = reactRequire("react-router-dom/server") as {
    createStaticRouter(routes: object[], context: { matches: unknown[] }): { routes: { id: string }[] };
  };

  it("are made once per build, so matching them hits the prepared branches", async () => {
    const buildPath = "../../build/index.js";
    const build = (await import(/* @vite-ignore */ buildPath)) as { routes: Record<string, { module: unknown }> };
    const modules = createEntryRouteModules(build.routes);
    expect(createEntryRouteModules(build.routes)).toBe(modules);
    for (const [id, route] of Object.entries(build.routes)) expect(modules[id]).toBe(route.module);
    expect(createEntryRouteModules({ ...build.routes })).not.toBe(modules);

    const routes = await appRoutes();
    const first = createStaticRouter(routes, { matches: [] });
    expect(createStaticRouter(routes, { matches: [] }).routes).toBe(first.routes);
    expect(first.routes.map((r) => r.id)).toEqual(routes.map((r) => r.id));
    const other = createStaticRouter([{ id: "only", path: "/x" }], { matches: [] });
    expect(other.routes.map((r) => r.id)).toEqual(["only"]);

    const remixServer = fs.readFileSync(reactRequire.resolve("./server.js"), "utf8");
    expect(remixServer).toContain("let routes$1 = serverRoutesOf(manifest.routes, routeModules, context); // patched by Lantern");
  });
});
