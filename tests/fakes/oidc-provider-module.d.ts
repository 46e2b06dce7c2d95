/** oidc-provider ships no types: just what tests/fakes/oidc-provider.ts uses. */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?(ctx: unknown, id: string): Promise<unknown> });
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** Koa middleware around every request the provider answers. */
    use(middleware: (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>): void;
  }
}
