/**
 * The build's scripts and styles, compressed once per file instead of once per request.
 *
 * They are immutable (content-hashed names), yet the compression middleware compressed them
 * again for every student's first visit: ~35 ms of CPU per new browser, most of a first page's
 * cost (decision 022). Here each file is compressed the first time it is asked for — brotli at
 * its best quality and gzip at level 9, since it happens once — and kept in memory; the build is
 * a fixed set of files (about 1 MB), so the cache is bounded by it. A browser that accepts
 * neither encoding, or a file that is not there, goes on to express.static.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { RequestHandler } from "express";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

type Encoding = "br" | "gzip";

interface Compressed {
  br: Buffer;
  gzip: Buffer;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
};

/** The encoding to send, from the browser's Accept-Encoding (brotli first); null for neither. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

export function compressedAssets(dir: string): RequestHandler {
  const root = path.resolve(dir);
  const cache = new Map<string, Promise<Compressed | null>>();

  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      entry = fs.readFile(file).then(
        async (raw) => {
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gzip(raw, { level: 9 }),
          ]);
          return { br, gzip: gz };
        },
        () => null, // not a file of the build: nothing cached for it, express.static answers
      );
      cache.set(file, entry);
      void entry.then((found) => {
        if (!found) cache.delete(file);
      });
    }
    return entry;
  };

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const type = TYPES[path.extname(req.path)];
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!type || !encoding) return next();
    let file: string;
    try {
      file = path.resolve(root, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next();
    }
    if (!file.startsWith(root + path.sep)) return next();
    load(file).then(
      (found) => {
        if (!found) return next();
        const body = found[encoding];
        res.setHeader("Content-Type", type);
        res.setHeader("Content-Encoding", encoding);
        res.setHeader("Content-Length", String(body.length));
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => next(),
    );
  };
}
