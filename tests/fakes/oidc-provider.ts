/**
 * A real OpenID provider for tests: the `oidc-provider` package on a free 127.0.0.1 port, with
 * one confidential client and a few accounts. Its development login and consent pages accept
 * any password, and are submitted by POST like a browser would.
 */
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
  close(): Promise<void>;
}

export async function startFakeProvider(accounts: FakeAccount[], redirectUri: string, clientSecret = "test-client-secret-0123456789abcdef"): Promise<FakeProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byId = new Map(accounts.map((a) => [a.sub, a]));
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
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId: "lantern",
    clientSecret,
    provider,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
