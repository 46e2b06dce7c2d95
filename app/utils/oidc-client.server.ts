/**
 * The one place Lantern talks to an OpenID provider, through openid-client (discovery, PKCE,
 * ID-token signature / issuer / audience / expiry / nonce checks): no hand-written JWT code.
 *
 * openid-client refuses plain-HTTP issuers. Lantern lifts that only for an issuer on this very
 * computer (127.0.0.1, ::1, localhost) — a provider started by the tests, or one on the same host
 * where nothing crosses a network. The admin form refuses any other http:// issuer, so no
 * production configuration can turn the check off (decision 019).
 */
import * as oidc from "openid-client";

export function isLoopbackIssuer(issuer: string): boolean {
  try {
    const host = new URL(issuer).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

export interface ProviderClient {
  config: oidc.Configuration;
  endSessionEndpoint: string | null;
}

/** Discovers the provider's metadata from its .well-known/openid-configuration. */
export async function discoverProvider(issuer: string, clientId: string, clientSecret: string): Promise<ProviderClient> {
  const config = await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: isLoopbackIssuer(issuer) ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  return { config, endSessionEndpoint: config.serverMetadata().end_session_endpoint ?? null };
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function startAuthorization(client: ProviderClient, redirectUri: string, extra: Record<string, string> = {}): Promise<AuthorizationStart> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(client.config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...extra,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and returns the verified ID token's claims. Throws when anything does not
 * hold (state, nonce, PKCE, signature, issuer, audience, expiry): the caller shows one message.
 */
export async function finishAuthorization(
  client: ProviderClient,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
): Promise<{ claims: Record<string, unknown>; idToken: string | null }> {
  const tokens = await oidc.authorizationCodeGrant(
    client.config,
    callbackUrl,
    { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true },
    { redirect_uri: checks.redirectUri },
  );
  const claims = tokens.claims();
  if (!claims) throw new Error("no ID token");
  // Some providers put e-mail and profile only in UserInfo (OIDC Core 5.4 for the code flow);
  // openid-client checks that its subject is the ID token's. The ID token's own claims win.
  if (claims.email === undefined && client.config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(client.config, tokens.access_token, claims.sub);
    return { claims: { ...info, ...claims }, idToken: tokens.id_token ?? null };
  }
  return { claims: { ...claims }, idToken: tokens.id_token ?? null };
}

/**
 * Whether finishAuthorization failed only on the ID token's time claims (expired, not yet valid,
 * issued in the future): the usual cause is a clock that is wrong at one end, which the person
 * signing in should hear about rather than a generic "could not verify".
 */
export function isIdTokenTimeRefusal(error: unknown): boolean {
  return error instanceof oidc.ClientError && error.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED";
}

export function endSessionUrl(client: ProviderClient, postLogoutRedirectUri: string): string | null {
  if (!client.endSessionEndpoint) return null;
  return oidc.buildEndSessionUrl(client.config, { post_logout_redirect_uri: postLogoutRedirectUri, client_id: client.config.clientMetadata().client_id }).href;
}
