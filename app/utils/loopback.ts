/**
 * Where a request comes from, as far as "this computer" goes: the client's address and the host
 * name it asked for.
 */
export interface RequestFrom {
  address: string;
  host: string;
}

/**
 * Whether a request comes from this computer, to this computer by name: its address is loopback
 * and so is the host it asked for. The address alone is not enough: a web page open on this
 * computer, on a site whose name its owner re-points to 127.0.0.1 (DNS rebinding), sends its
 * requests from loopback but with its own name as the Host.
 */
export function isFromThisComputer(from: RequestFrom): boolean {
  return isLoopbackAddress(from.address) && isLoopbackHost(from.host);
}

function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(name);
}

/**
 * Whether a client address is this computer itself (127.0.0.0/8, ::1, or either mapped into
 * IPv6). The demo accounts' password is published, so they work only from here (decision 008).
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const plain = address.trim().toLowerCase().replace(/^::ffff:/, "");
  if (plain === "::1" || plain === "0:0:0:0:0:0:0:1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
