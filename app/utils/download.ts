/** What a download is called and how the browser is told to save it. */

/** A download name: the class name kept readable (Chinese too), plus the date. */
export function exportFileName(className: string, kind: string, ext: "csv" | "json", now = new Date()): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be in a file name
  const base = className.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim().slice(0, 60) || "class";
  return `${base} - ${kind} - ${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
