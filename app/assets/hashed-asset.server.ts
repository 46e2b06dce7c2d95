/**
 * A JSON asset named by a hash of its bytes (asset-store.ts): `<prefix><stem>.<hash>.json`. The
 * server keeps the bytes to answer the URL, and registers the value for its own rendering.
 */
import crypto from "node:crypto";
import { rememberAsset } from "./asset-store";

export interface HashedAsset {
  url: string;
  json: string;
}

export function hashedAsset(prefix: string, stem: string, value: unknown): HashedAsset {
  const json = JSON.stringify(value);
  const hash = crypto.createHash("sha256").update(json).digest("base64url").slice(0, 12);
  return { url: `${prefix}${stem}.${hash}.json`, json };
}

/** Makes the asset's value what this server renders with: exactly what the browser will parse. */
export function registerAsset(asset: HashedAsset): void {
  rememberAsset(asset.url, JSON.parse(asset.json));
}

/** The answer to an asset's URL: shared and cached for good, since the URL names the content. */
export function assetResponse(json: string | null): Response {
  if (json === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(json, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
