/**
 * Whether an address works only on the server itself (localhost, 127.x, ::1, 0.0.0.0): printed on
 * a card, a link or a provider's redirect it would lead nowhere. The school's public address
 * starts as one when the first admin signed up on the server (decision 017), so the pages that
 * send the address out warn about it.
 */
export function onlyOnThisComputer(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "[::1]" || host === "0.0.0.0";
}
