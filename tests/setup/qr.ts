/**
 * Reads a QR code the way a phone would: the SVG the server made (qrcode's path of dark runs) is
 * drawn into a pixel bitmap, and jsQR — an independent QR reader — decodes the pixels. Nothing
 * here knows what the code should say.
 */
import jsQR from "jsqr";

/** The dark modules of a qrcode SVG: "M x y.5" starts a row run, "m dx 0" skips, "h n" paints n. */
function modulesOf(svg: string): { size: number; dark: boolean[][] } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!viewBox) throw new Error("not a qrcode SVG: no viewBox");
  const size = Number(viewBox[1]);
  const path = /<path[^>]*stroke="[^"]*"[^>]*d="([^"]*)"/.exec(svg);
  if (!path) throw new Error("not a qrcode SVG: no dark path");
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path[1]!.matchAll(/([MmHhVv])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === "M") [x, y] = [n, Number(b)];
    else if (cmd === "m") [x, y] = [x + n, y + Number(b ?? 0)];
    else if (cmd === "h") {
      for (let i = 0; i < n; i++) dark[Math.floor(y)]![x + i] = true;
      x += n;
    } else throw new Error(`unexpected path command ${cmd}`);
  }
  return { size, dark };
}

/** The text of the QR code in an SVG, or throws when no reader could find one. */
export function decodeQrSvg(svg: string, scale = 6): string {
  const { size, dark } = modulesOf(svg);
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      const v = dark[Math.floor(py / scale)]![Math.floor(px / scale)] ? 0 : 255;
      pixels.set([v, v, v, 255], (py * width + px) * 4);
    }
  }
  const found = jsQR(pixels, width, width);
  if (!found) throw new Error("no QR code found in the SVG");
  return found.data;
}
