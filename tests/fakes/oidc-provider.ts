/**
 * A real OpenID provider for tests: the `oidc-provider` package on a free 127.0.0.1 port, with
 * one confidential client and a few accounts. Its development login and consent pages accept
 * any password, and are submitted by POST like a browser would.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface FakeAccount {
  sub: string;
  email: string;
  name: string;
  email_verified?: boolean;
  groups?: string[];
}

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Tests only: change what the provider does next (e.g. sign ID tokens for another audience). */
  provider: Provider;
  /**
   * Tests only: when set, the ID tokens this provider issues expired that many seconds ago (a
   * provider whose clock is behind, or a token held too long). They are signed with the
   * provider's real key, so only their expiry is wrong.
   */
  idTokensExpiredSecondsAgo: number | null;
  close(): Promise<void>;
}

export async function startFakeProvider(accounts: FakeAccount[], redirectUri: string, clientSecret = "test-client-secret-0123456789abcdef"): Promise<FakeProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byId = new Map(accounts.map((a) => [a.sub, a]));
  // one signing key the fake knows, so it can re-sign a token it wants to have expired
  const signingJwk = { ...crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "fake-signing-key", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "lantern",
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [new URL("/", redirectUri).href],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
      // another application at the same provider: its codes and tokens are not Lantern's
      {
        client_id: "another-app",
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // the login page's "login" field is the account's subject
    async findAccount(_ctx, id) {
      const account = byId.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account, email_verified: account.email_verified ?? true }) };
    },
    cookies: { keys: ["test-cookie-key"] },
    jwks: { keys: [signingJwk] },
  });
  const fake: FakeProvider = {
    issuer,
    clientId: "lantern",
    clientSecret,
    provider,
    idTokensExpiredSecondsAgo: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (fake.idTokensExpiredSecondsAgo !== null && ctx.path === "/token" && body?.id_token) {
      body.id_token = expiredCopy(body.id_token, fake.idTokensExpiredSecondsAgo, signingJwk);
    }
  });
  server.on("request", provider.callback());
  return fake;
}

/** The same ID token with its lifetime moved into the past, signed again with the same key. */
function expiredCopy(idToken: string, secondsAgo: number, jwk: crypto.JsonWebKey): string {
  const [header, payload] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as { iat: number; exp: number };
  const now = Math.floor(Date.now() / 1000);
  const lifetime = claims.exp - claims.iat;
  claims.exp = now - secondsAgo;
  claims.iat = claims.exp - lifetime;
  const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const signature = crypto.sign("sha256", Buffer.from(signingInput), crypto.createPrivateKey({ key: jwk, format: "jwk" }));
  return `${signingInput}.${signature.toString("base64url")}`;
}
