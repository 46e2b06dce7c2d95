/**
 * postinstall: small, reasoned fixes to two installed dependencies, each applied by replacing an
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
 *    a server build never changes, so the ranked branches are kept per route array and the
 *    compiled paths per pattern (docs/decisions/024-request-overhead.md). Only the CommonJS file
 *    the server loads is patched; the browser's copy (whose routes grow as pages are discovered)
 *    is left as published.
 */
import fs from "node:fs";
import path from "node:path";

const MARK = "patched by Lantern: see scripts/patch-dependencies.mjs";

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
