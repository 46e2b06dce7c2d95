/**
 * One simulated student's browser, for the capacity benchmark: its own keep-alive connections
 * (at most six, as a browser keeps per server, closed when the server's keep-alive ends), its
 * cookies, and the headers Chromium sends — `Accept-Encoding: gzip, deflate, br`, a browser's
 * User-Agent (the server streams pages to browsers and waits for the whole page for bots), Origin
 * and Sec-Fetch-Site on posts. Bodies are read to the end; only documents are decompressed (the
 * script needs their links), so the load generator spends its CPU on sending, not on reading.
 *
 * Node's `http`, not `fetch`: a thousand students' requests cost the load generator a fraction of
 * what undici's fetch does, and each student gets its own agent (its own sockets), as browsers do.
 */
import http from "node:http";
import zlib from "node:zlib";

export const BROWSER_HEADERS = {
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
  "accept-language": "en-GB,en;q=0.9",
};

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The decompressed body, when asked for (`text: true`). */
  text: string;
  bytes: number;
}

export interface RequestOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Decompress and return the body (documents); otherwise it is only counted. */
  text?: boolean;
  timeoutMs?: number;
  /** Called with each raw chunk as it arrives (server-sent events). */
  onChunk?: (chunk: Buffer) => void;
}

export class BrowserClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly origin: string,
    cookie: string,
    private readonly signal: AbortSignal,
  ) {
    for (const part of cookie.split(/;\s*/)) {
      const eq = part.indexOf("=");
      if (eq > 0) this.cookies.set(part.slice(0, eq), part.slice(eq + 1));
    }
  }

  get(path: string, options: Omit<RequestOptions, "method" | "body"> = {}): Promise<Answer> {
    return this.request(path, { ...options, method: "GET" });
  }

  /** A form post as the browser's fetch sends a URLSearchParams body. */
  postForm(path: string, form: [string, string][], options: Omit<RequestOptions, "method" | "body"> = {}): Promise<Answer> {
    return this.request(path, {
      ...options,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", ...options.headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  async request(path: string, options: RequestOptions): Promise<Answer> {
    try {
      return await this.once(path, options, false);
    } catch (error) {
      // A browser quietly retries a request whose kept-alive socket the server had just closed.
      if ((error as { reusedSocket?: boolean }).reusedSocket) return this.once(path, options, true);
      throw error;
    }
  }

  private once(path: string, options: RequestOptions, retry: boolean): Promise<Answer> {
    const method = options.method ?? "GET";
    const url = new URL(path, this.origin);
    const headers: Record<string, string> = { ...BROWSER_HEADERS, accept: "*/*", ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method === "POST") {
      headers.origin = this.origin;
      headers["sec-fetch-site"] = "same-origin";
    }
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    return new Promise<Answer>((resolve, reject) => {
      let responded = false;
      const req = http.request(
        url,
        { method, headers, agent: this.agent, signal: this.signal, timeout: options.timeoutMs ?? 30_000 },
        (res) => {
          responded = true;
          this.keepCookies(res.headers["set-cookie"]);
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            options.onChunk?.(chunk);
            if (options.text) chunks.push(chunk);
          });
          res.on("error", reject);
          res.on("end", () => {
            try {
              resolve({ status: res.statusCode ?? 0, headers: res.headers, text: options.text ? decode(Buffer.concat(chunks), res.headers["content-encoding"]) : "", bytes });
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timed out after ${options.timeoutMs ?? 30_000} ms`)));
      req.on("error", (error) => {
        if (req.reusedSocket && !responded && !retry && (error as NodeJS.ErrnoException).code === "ECONNRESET") {
          Object.assign(error, { reusedSocket: true });
        }
        reject(error);
      });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  private keepCookies(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  close() {
    this.agent.destroy();
  }
}

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8");
  return body.toString("utf8");
}
