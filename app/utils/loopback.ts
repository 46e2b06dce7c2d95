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
