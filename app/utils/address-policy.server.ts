/**
 * Which network addresses the server may open a connection to for a school's model connection
 * (decision 015, update of 2026-12-07). An admin types any base URL; on a district server shared
 * by many schools, that made the server a probe of the district's network. The policy is judged
 * on the address a connection is really opened to (app/playground/outbound.server.ts checks every
 * address a host name resolves to, at connect time), never on the text of the URL.
 *
 * MODEL_CONNECTIONS_ALLOW is a comma-separated list of:
 *   public     any globally routable address (Anthropic, a hosted provider)
 *   private    10/8, 172.16/12, 192.168/16, 100.64/10, 198.18/15, 192.0.0/24, fc00::/7, fec0::/10
 *   loopback   127/8, ::1 (a model server on this very machine)
 *   a CIDR or an address (10.20.0.0/16, 192.168.1.20, fd12::/48)
 *   a host name with its domain (ollama.district.example) or every name under a domain (*.district.example):
 *              every address it resolves to is allowed
 * The default, "public,private,loopback", keeps a single school's Ollama on the LAN or on the same
 * machine working. Whatever the list, these are never allowed: 0.0.0.0/8, link-local
 * (169.254/16 — where clouds answer with their metadata and credentials — and fe80::/10),
 * multicast, the reserved 240/4 and broadcast, the unspecified ::, the cloud metadata addresses
 * outside link-local (fd00:ec2::254, 100.100.100.200, 168.63.129.16) and IPv6 outside the
 * assigned unicast ranges. IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d,
 * 64:ff9b::/96, 2002::/16) are judged as that IPv4 address.
 */
import net from "node:net";

export type AddressKind = "public" | "private" | "loopback";
/** `never`: refused whatever the policy says. */
type AddressClass = AddressKind | "never";

interface Cidr {
  /** 4 bytes (IPv4) or 16 (IPv6). */
  bytes: Uint8Array;
  prefix: number;
}

export interface AddressPolicy {
  /** The setting as written, normalised: equal policies have equal text. */
  text: string;
  kinds: ReadonlySet<AddressKind>;
  cidrs: readonly Cidr[];
  /** Lower-case host names; "*.example.org" allows every name under example.org. */
  hosts: readonly string[];
}

export const DEFAULT_ADDRESS_POLICY_TEXT = "public,private,loopback";

const KINDS = new Set<AddressKind>(["public", "private", "loopback"]);
const NUMERIC_LAST_LABEL = /(^|\.)(0x[0-9a-f]*|\d+)\.?$/;
const HOST_NAME = /^(\*\.)?(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

/** The setting read: the policy, or what is wrong with it (for the start-up message). */
export function parseAddressPolicy(text: string): { ok: true; policy: AddressPolicy } | { ok: false; error: string } {
  const entries = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, error: "lists nothing: name at least one of public, private, loopback, a CIDR or a host name" };
  const kinds = new Set<AddressKind>();
  const cidrs: Cidr[] = [];
  const hosts: string[] = [];
  for (const entry of entries) {
    if (KINDS.has(entry as AddressKind)) {
      kinds.add(entry as AddressKind);
      continue;
    }
    const cidr = parseCidr(entry);
    if (cidr) {
      cidrs.push(cidr);
      continue;
    }
    // a name whose last label is a number is an IPv4 address to a URL ("0x7f.1" is 127.0.0.1)
    // A name needs its domain: a one-word entry is a mistyped word ("privat") more often than a host.
    if (entry.includes("/") || net.isIP(entry.replace(/^\[|\]$/g, "")) || NUMERIC_LAST_LABEL.test(entry) || !HOST_NAME.test(entry) || !entry.replace(/\.$/, "").includes(".")) {
      return { ok: false, error: `"${entry}" is neither public, private, loopback, an address, a CIDR (e.g. 10.20.0.0/16) nor a host name with its domain (ollama.district.example)` };
    }
    hosts.push(entry.replace(/\.$/, ""));
  }
  return { ok: true, policy: { text: entries.join(","), kinds, cidrs, hosts } };
}

function parseCidr(entry: string): Cidr | null {
  const [address, prefixText, ...rest] = entry.split("/");
  if (rest.length > 0 || address === undefined) return null;
  const bytes = parseIp(address.replace(/^\[|\]$/g, ""));
  if (!bytes) return null;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { bytes, prefix: Number(prefixText) };
}

/**
 * May a connection be opened to `address` (an IP address as the resolver gives it), reached
 * through the host name `host` (as in the URL: a name, or the address itself)?
 */
export function addressAllowed(policy: AddressPolicy, address: string, host?: string): boolean {
  const parsed = parseIp(address);
  if (!parsed) return false;
  const ip = embeddedIpv4(parsed) ?? parsed;
  const kind = classify(ip);
  if (kind === "never") return false;
  if (policy.kinds.has(kind)) return true;
  if (policy.cidrs.some((c) => inCidr(ip, c))) return true;
  return host !== undefined && hostListed(policy, host);
}

function hostListed(policy: AddressPolicy, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return policy.hosts.some((h) => (h.startsWith("*.") ? name.endsWith(h.slice(1)) : name === h));
}

/** The class of an address, for the documentation and the tests as much as for the policy. */
export function addressClass(address: string): AddressClass {
  const parsed = parseIp(address);
  if (!parsed) return "never";
  return classify(embeddedIpv4(parsed) ?? parsed);
}

const cidr = (text: string): Cidr => parseCidr(text)!;

const NEVER_V4 = [
  "0.0.0.0/8", // "this network": 0.0.0.0 reaches this machine's own services on Linux
  "169.254.0.0/16", // link-local: 169.254.169.254 is the metadata service of AWS, Azure, GCP, Oracle, …; 169.254.0.23 Tencent's
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, and 255.255.255.255 broadcast
  "100.100.100.200/32", // Alibaba Cloud's metadata service
  "168.63.129.16/32", // Azure's host (WireServer): VM agent and instance data
].map(cidr);
const LOOPBACK_V4 = ["127.0.0.0/8"].map(cidr);
const PRIVATE_V4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "198.18.0.0/15", "192.0.0.0/24"].map(cidr);

const NEVER_V6 = [
  "::/128", // unspecified
  "fe80::/10", // link-local
  "ff00::/8", // multicast
  "fd00:ec2::254/128", // AWS's metadata service over IPv6 (inside fc00::/7)
].map(cidr);
const LOOPBACK_V6 = ["::1/128"].map(cidr);
const PRIVATE_V6 = ["fc00::/7", "fec0::/10", "64:ff9b:1::/48"].map(cidr);
const GLOBAL_V6 = cidr("2000::/3");

function classify(ip: Uint8Array): AddressClass {
  const [never, loopback, priv] = ip.length === 4 ? [NEVER_V4, LOOPBACK_V4, PRIVATE_V4] : [NEVER_V6, LOOPBACK_V6, PRIVATE_V6];
  if (never.some((c) => inCidr(ip, c))) return "never";
  if (loopback.some((c) => inCidr(ip, c))) return "loopback";
  if (priv.some((c) => inCidr(ip, c))) return "private";
  // IPv6 outside global unicast is unassigned or special (discard, documentation, ORCHID…)
  if (ip.length === 16 && !inCidr(ip, GLOBAL_V6)) return "never";
  return "public";
}

/** The IPv4 address an IPv6 address stands for, where it carries one. */
function embeddedIpv4(ip: Uint8Array): Uint8Array | null {
  if (ip.length !== 16) return null;
  const zeros = (from: number, to: number) => ip.slice(from, to).every((b) => b === 0);
  const last4 = ip.slice(12, 16);
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated, RFC 2765)
  if (zeros(0, 10) && ip[10] === 0xff && ip[11] === 0xff) return last4;
  if (zeros(0, 8) && ip[8] === 0xff && ip[9] === 0xff && zeros(10, 12)) return last4;
  // ::a.b.c.d (IPv4-compatible, deprecated); :: and ::1 are IPv6's own
  if (zeros(0, 12) && !zeros(12, 15)) return last4;
  // 64:ff9b::a.b.c.d (NAT64, RFC 6052): a gateway connects to that IPv4 address
  if (ip[0] === 0x00 && ip[1] === 0x64 && ip[2] === 0xff && ip[3] === 0x9b && zeros(4, 12)) return last4;
  // 2002:aabb:ccdd::/48 (6to4)
  if (ip[0] === 0x20 && ip[1] === 0x02) return ip.slice(2, 6);
  return null;
}

function inCidr(ip: Uint8Array, cidr: Cidr): boolean {
  if (ip.length !== cidr.bytes.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (cidr.bytes[i]! & mask)) return false;
  }
  return true;
}

/**
 * An IP address as bytes: dotted-decimal IPv4 (the only form a resolver or the WHATWG URL parser
 * gives) or IPv6 (with "::", an embedded dotted IPv4, a zone id). Anything else is null.
 */
function parseIp(text: string): Uint8Array | null {
  const address = text.replace(/%.*$/, "");
  const family = net.isIP(address);
  if (family === 4) return Uint8Array.from(address.split(".").map(Number));
  if (family !== 6) return null;
  let tail: number[] = [];
  let body = address;
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    tail = dotted[1]!.split(".").map(Number);
    body = address.slice(0, dotted.index + 1) + "0:0";
  }
  const [head, rest] = body.split("::") as [string, string | undefined];
  const groups = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const words = rest === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[i * 2] = w >> 8;
    bytes[i * 2 + 1] = w & 0xff;
  });
  if (dotted) bytes.set(tail, 12);
  return bytes;
}
