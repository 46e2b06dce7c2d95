/**
 * `npm run build` (last step): the server's own code — server/, and what it imports from db/ and
 * app/ — bundled into build/server.js, which `npm start` runs (server/start.mjs). Running the
 * TypeScript sources through tsx instead kept its loader thread and transform caches in the
 * server for good: 43 MB of the school server's memory and half its cold start
 * (docs/decisions/005-server-memory.md). Packages stay external: node_modules is used as installed.
 */
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: ["server/start.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // readable stack traces in the server's log
  minify: false,
  keepNames: true,
  logLevel: "warning",
});
console.log(`build/server.js in ${Math.round(performance.now() - started)} ms`);
