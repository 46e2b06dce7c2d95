/**
 * Browser JavaScript per route, gzipped, from the production build: the entry, the root and every
 * parent route module with their shared chunks — what a first visit to that URL downloads before
 * it is interactive. Modules loaded later on demand (widgets on the steps that use them) are not
 * counted.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export interface RouteBytes {
  route: string;
  files: number;
  gzipBytes: number;
}

/** The manifest the server build points at (public/build may hold older ones too). */
function readManifest(root: string): Manifest {
  const serverBuild = fs.readFileSync(path.join(root, "build", "index.js"), "utf8");
  const url = /["'](\/build\/manifest-[A-Z0-9]+\.js)["']/.exec(serverBuild)?.[1];
  if (!url) throw new Error("build/index.js names no manifest: run `npm run build` first");
  const source = fs.readFileSync(path.join(root, "public", url), "utf8");
  return JSON.parse(source.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

export function jsBytesPerRoute(root: string): RouteBytes[] {
  const manifest = readManifest(root);
  const gz = new Map<string, number>();
  const sizeOf = (url: string) => {
    let n = gz.get(url);
    if (n === undefined) {
      n = zlib.gzipSync(fs.readFileSync(path.join(root, "public", url)), { level: 9 }).length;
      gz.set(url, n);
    }
    return n;
  };
  const out: RouteBytes[] = [];
  for (const route of Object.values(manifest.routes)) {
    // pages only: resource routes (no component) download no JavaScript of their own
    if (route.id === "root" || !isPage(root, route.id)) continue;
    const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    out.push({ route: route.id, files: files.size, gzipBytes: [...files].reduce((sum, f) => sum + sizeOf(f), 0) });
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

function isPage(root: string, routeId: string): boolean {
  const base = path.join(root, "app", routeId);
  for (const candidate of [`${base}.tsx`, `${base}.jsx`, path.join(base, "route.tsx")]) {
    if (fs.existsSync(candidate)) return /export\s+default\b/.test(fs.readFileSync(candidate, "utf8"));
  }
  return false;
}
