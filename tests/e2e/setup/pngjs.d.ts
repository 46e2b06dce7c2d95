// pngjs comes with qrcode (its PNG renderer) and ships no types: the one call the tests use.
declare module "pngjs" {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
