/**
 * postinstall: small, reasoned fixes to installed dependencies, each applied by replacing an
 * exact piece of their published code. Idempotent; prints what it did; warns (and leaves the file
 * alone) when a package's code has changed, so an upgrade is checked by a person. Delete a patch
 * when its package is fixed upstream.
 *
 * 1. postgres.js 3.4.9, the database driver: when a connection dies while a query is queued, the
 *    driver's deferred write runs after the socket is gone and throws `Cannot read properties of
 *    null (reading 'write')` from a timer, which kills the whole app (porsager/postgres#1154 and
 *    #1208; not fixed in 3.4.10). The queued queries are failed with CONNECTION_CLOSED by the
 *    driver anyway, so the write can simply be dropped (docs/decisions/011-one-transaction-per-action.md).
 *
 * 2. @remix-run/router 1.23, the server's route matching: `matchRoutes` flattens and ranks the
 *    whole route tree, and compiles a regular expression per route, on every call — several
 *    calls per request, 12 % of the server's CPU under the capacity benchmark. The route tree of
 *    a server build never changes, so the ranked branches are kept per route array, the
 *    compiled paths per pattern and the matches of the last 1,000 URLs per route array
 *    (docs/decisions/024-request-overhead.md). Only the CommonJS file
 *    the server loads is patched; the browser's copy (whose routes grow as pages are discovered)
 *    is left as published.
 *
 * 3. @remix-run/server-runtime and @remix-run/react 2.17, react-router-dom 6.30, the server render: every document rebuilt
 *    the whole route tree twice more — `RemixServer` made its routes from the manifest (and a
 *    new object of route modules), and `createStaticRouter` converted them to data routes — so patch 2's cache never hit for the
 *    render's own route matching (7 % of a page's CPU, flattening and ranking included). Both are
 *    pure functions of the build's manifest and modules, so each is kept per input (decision 024).
 *
 * 4. @remix-run/react 2.17, the browser: `RemixBrowser` decodes the page's data (single fetch) only
 *    when it first renders, and suspends the whole root until then. A key pressed or a click made
 *    in that moment asks React to finish hydrating at once; the root cannot, React throws "Root
 *    did not complete" (#345) and the page is never hydrated — on a slow laptop, a student who
 *    starts typing as the page appears is left with a page without its scripts. The decoding is
 *    exported (`UNSAFE_decodeInitialState`), so entry.client.tsx starts hydrating only once it is
 *    done (docs/decisions/031-hydrate-after-the-data.md).
 */
import fs from "node:fs";
import path from "node:path";

const MARK = "patched by Lantern: see scripts/patch-dependencies.mjs";

/** RemixBrowser's decoding of the page's data, as published (patch 4 moves it into a function). */
const DECODING = `      if (!stateDecodingPromise) {
        let stream = window.__remixContext.stream;
        invariant(stream, "No stream found for single fetch decoding");
        window.__remixContext.stream = undefined;
        stateDecodingPromise = decodeViaTurboStream(stream, window).then(value => {
          window.__remixContext.state = value.value;
          stateDecodingPromise.value = true;
        }).catch(e => {
          stateDecodingPromise.error = e;
        });
      }
`;

const PATCHES = [
  {
    name: "postgres driver: guarded the closed-socket write",
    pkg: "postgres",
    files: ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"],
    edits: [["const x = socket.write(chunk, fn)", `const x = socket ? socket.write(chunk, fn) : false // ${MARK}`]],
  },
  {
    name: "remix router: route matching prepared once per route tree",
    pkg: "@remix-run/router",
    files: ["dist/router.cjs.js"],
    edits: [
      [
        "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
        `  let branches = rankedBranchesOf(routes); // ${MARK}\n`,
      ],
      [
        "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
        `// ${MARK}: the same URL finds the same routes; the last 1,000 URLs per route tree are
// remembered (copies are handed out: callers may change a match's params)
const knownMatches = new WeakMap();
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {
  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;
  let key = (allowPartial ? "partial:" : "whole:") + basename + "\\0" + (location.pathname || "/");
  let known = knownMatches.get(routes);
  if (!known) knownMatches.set(routes, (known = new Map()));
  let matches = known.get(key);
  if (matches === undefined) {
    matches = matchRoutesUncached(routes, location, basename, allowPartial);
    if (known.size >= 1000) known.clear();
    known.set(key, matches);
  }
  return matches && matches.map(match => ({ ...match, params: { ...match.params } }));
}
function matchRoutesUncached(routes, locationArg, basename, allowPartial) {
`,
      ],
      [
        "function convertRouteMatchToUiMatch(",
        `// ${MARK}: a server's route tree never changes
const rankedBranches = new WeakMap();
function rankedBranchesOf(routes) {
  let branches = rankedBranches.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranches.set(routes, branches);
  }
  return branches;
}
function convertRouteMatchToUiMatch(`,
      ],
      [
        "function compilePath(path, caseSensitive, end) {\n",
        `// ${MARK}: one compiled expression per pattern (bounded: patterns come from route files)
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  const key = path + "\\0" + (caseSensitive === true) + "\\0" + (end !== false);
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    if (compiledPaths.size >= 1000) compiledPaths.clear();
    compiled = compilePathUncached(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {
`,
      ],
    ],
  },
  {
    name: "remix server runtime: route modules listed once per build",
    pkg: "@remix-run/server-runtime",
    files: ["dist/entry.js"],
    edits: [
      [
        "function createEntryRouteModules(manifest) {\n  return Object.keys(manifest)",
        `// ${MARK}: one object per build, so the render's routes (below) are made once
const entryRouteModules = new WeakMap();
function createEntryRouteModules(manifest) {
  let modules = entryRouteModules.get(manifest);
  if (!modules) entryRouteModules.set(manifest, (modules = listEntryRouteModules(manifest)));
  return modules;
}
function listEntryRouteModules(manifest) {
  return Object.keys(manifest)`,
      ],
    ],
  },
  {
    name: "remix server render: routes made once per build",
    pkg: "@remix-run/react",
    files: ["dist/server.js"],
    edits: [
      [
        "  let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);\n",
        `  let routes$1 = serverRoutesOf(manifest.routes, routeModules, context); // ${MARK}\n`,
      ],
      [
        "function RemixServer({",
        `// ${MARK}: the routes depend only on the build's manifest and modules
const serverRoutes = new WeakMap();
function serverRoutesOf(manifestRoutes, routeModules, context) {
  let cached = serverRoutes.get(manifestRoutes);
  if (!cached || cached.routeModules !== routeModules || cached.future !== context.future || cached.isSpaMode !== context.isSpaMode) {
    cached = { routeModules, future: context.future, isSpaMode: context.isSpaMode, routes: routes.createServerRoutes(manifestRoutes, routeModules, context.future, context.isSpaMode) };
    serverRoutes.set(manifestRoutes, cached);
  }
  return cached.routes;
}
function RemixServer({`,
      ],
    ],
  },
  {
    name: "static router: data routes made once per route tree",
    pkg: "react-router-dom",
    files: ["server.js"],
    edits: [
      [
        "  let manifest = {};\n  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);\n",
        `  let { manifest, dataRoutes } = dataRoutesOf(routes); // ${MARK}\n`,
      ],
      [
        "function createStaticRouter(routes, context, opts = {}) {",
        `// ${MARK}: the same route tree gives the same data routes
const dataRoutesCache = new WeakMap();
function dataRoutesOf(routes) {
  let cached = dataRoutesCache.get(routes);
  if (!cached) {
    let manifest = {};
    cached = { manifest, dataRoutes: router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest) };
    dataRoutesCache.set(routes, cached);
  }
  return cached;
}
function createStaticRouter(routes, context, opts = {}) {`,
      ],
    ],
  },
  {
    name: "remix browser: the page's data decoded before hydration (1 of 2)",
    pkg: "@remix-run/react",
    files: ["dist/esm/browser.js"],
    edits: [
      [
        DECODING,
        `      decodeInitialState(); // ${MARK}
`,
      ],
      [
        "function RemixBrowser(_props) {",
        `// ${MARK}: the decoding, callable before hydration starts
function decodeInitialState() {
  if (!window.__remixContext.future.v3_singleFetch) return Promise.resolve(); // the data is in the page
${DECODING.replace(/^ {4}/gm, "")}  return stateDecodingPromise;
}
function RemixBrowser(_props) {`,
      ],
      ["export { RemixBrowser };", `export { RemixBrowser, decodeInitialState }; // ${MARK}`],
    ],
  },
  {
    name: "remix browser: the page's data decoded before hydration (2 of 2)",
    pkg: "@remix-run/react",
    files: ["dist/esm/index.js"],
    edits: [["export { RemixBrowser } from './browser.js';", `export { RemixBrowser, decodeInitialState as UNSAFE_decodeInitialState } from './browser.js'; // ${MARK}`]],
  },
];

const modules = path.resolve(import.meta.dirname, "..", "node_modules");
for (const patch of PATCHES) {
  const root = path.join(modules, patch.pkg);
  if (!fs.existsSync(root)) continue; // not installed (yet): nothing to patch
  let patched = 0;
  for (const file of patch.files) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) continue;
    const text = fs.readFileSync(full, "utf8");
    if (text.includes("patched by Lantern")) continue; // (also by this script's earlier name)
    const missing = patch.edits.filter(([from]) => text.split(from).length !== 2);
    if (missing.length > 0) {
      console.warn(`${patch.pkg}: ${file} has changed; check whether "${patch.name}" is still needed`);
      continue;
    }
    fs.writeFileSync(full, patch.edits.reduce((t, [from, to]) => t.replace(from, () => to), text));
    patched++;
  }
  if (patched > 0) console.log(`${patch.name} (${patched} file(s))`);
}
