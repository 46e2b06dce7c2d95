/**
 * Sign-in with the school's OpenID Connect provider (decision 019): the admin's settings, the
 * start and the end of the code flow, and linking provider identities (issuer + subject) to
 * Lantern accounts. Accounts are never matched by e-mail alone: a teacher whose address already
 * has an account confirms with that account's password first.
 */
import { plainName } from "~/utils/plain-name";
import crypto from "node:crypto";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { schools, ssoIdentities, ssoLogins, users, type SchoolSettings, type SsoSettings } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashToken } from "~/utils/session.server";
import { seal, unseal } from "~/utils/secret-box.server";
import { discoverProvider, endSessionUrl, finishAuthorization, isIdTokenTimeRefusal, startAuthorization, type ProviderClient } from "~/utils/oidc-client.server";
import { publicUrlOf } from "./public-url.server";
import { changeSchoolSettings, getSchoolSettings, readSchoolSettings } from "./schools.server";
import { usernameBase } from "./credentials";
import { allocateUsernames } from "./students.server";
import { roleFrom } from "./sso-roles";

/** A sign-in at the provider must come back within this time. */
const LOGIN_TTL_MS = 10 * 60_000;
/** "Confirm with your password" must be answered within this time. */
const LINK_TTL_MS = 10 * 60_000;
/** Sign-in starts per client address and minute: a whole school behind one address signs in at 8:00. */
export const SSO_STARTS_PER_MINUTE = 300;
/** Marks an account that has no password of its own (argon2 can never verify it). */
const NO_PASSWORD = "!sso";

/** What the admin page may show: everything but the secret, replaced by whether one is set. */
export type SsoSettingsView = Omit<SsoSettings, "clientSecretSealed"> & { hasSecret: boolean };

export async function ssoSettingsForAdmin(admin: SessionUser): Promise<SsoSettingsView | null> {
  const sso = (await getSchoolSettings(admin)).sso;
  if (!sso) return null;
  const { clientSecretSealed, ...shown } = sso;
  return { ...shown, hasSecret: clientSecretSealed !== null };
}

export interface SsoSettingsInput extends Omit<SsoSettings, "clientSecretSealed"> {
  /** Empty: keep the stored secret. */
  clientSecret: string;
}

export type SaveSsoResult = { ok: true } | { ok: false; reason: "needs_secret" | "discovery_failed" };

/** Saves the settings after checking the provider answers discovery with them. */
export async function saveSsoSettings(admin: SessionUser, input: SsoSettingsInput): Promise<SaveSsoResult> {
  const current = (await readSchoolSettings(admin.schoolId)).sso;
  const secret = input.clientSecret || (current?.clientSecretSealed ? unseal(current.clientSecretSealed, "sso-client-secret") : null);
  if (!secret) return { ok: false, reason: "needs_secret" };
  if (input.enabled) {
    try {
      await discoverProvider(input.issuer, input.clientId, secret);
    } catch {
      return { ok: false, reason: "discovery_failed" };
    }
  }
  const { clientSecret: _plain, ...rest } = input;
  // the links as stored when written: one added while the provider was being asked is kept
  await changeSchoolSettings(admin.schoolId, (now) => ({
    sso: { ...rest, clientSecretSealed: seal(secret, "sso-client-secret"), adminLinks: now.sso?.adminLinks ?? [] },
  }));
  return { ok: true };
}

function enabledSso(settings: SchoolSettings | null | undefined): SsoSettings | null {
  return settings?.sso?.enabled ? settings.sso : null;
}

/** Schools whose sign-in page offers their provider (one on a single-school server). */
export async function ssoButtons(): Promise<{ schoolId: string; label: string }[]> {
  const rows = await db().select({ id: schools.id, settings: schools.settings }).from(schools).where(sql`(${schools.settings} -> 'sso' ->> 'enabled') = 'true'`);
  return rows.map((r) => ({ schoolId: r.id, label: r.settings.sso!.label }));
}

/** Whether a teacher of this school may still sign in with a password. */
export async function teacherPasswordAllowed(userId: string): Promise<boolean> {
  const [row] = await db()
    .select({ settings: schools.settings })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(users.id, userId));
  const sso = enabledSso(row?.settings);
  return !sso || sso.teacherPasswordSignIn;
}

async function schoolSso(schoolId: string): Promise<SsoSettings | null> {
  const [row] = await db().select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  return enabledSso(row?.settings);
}

async function clientFor(sso: SsoSettings): Promise<ProviderClient> {
  const secret = sso.clientSecretSealed ? unseal(sso.clientSecretSealed, "sso-client-secret") : null;
  if (!secret) throw new Error("The SSO client secret cannot be opened with this server's secret key");
  return discoverProvider(sso.issuer, sso.clientId, secret);
}

export type BeginResult = { ok: true; url: string; state: string } | { ok: false; reason: "not_configured" | "provider_unreachable" };

/**
 * Where the provider sends the browser back: the school's public address (decision 017), never
 * the address of the request at hand — an admin setting up sign-in on the server itself would
 * otherwise register `http://localhost/…` with the provider, and a visitor could choose the host.
 */
export async function ssoRedirectUri(schoolId: string): Promise<string> {
  return `${await publicUrlOf({ schoolId })}/auth/oidc/callback`;
}

/** Starts the code flow: a login row (state hashed, nonce, PKCE verifier) and the provider's URL. */
export async function beginSsoLogin(schoolId: string, next: string | null): Promise<BeginResult> {
  const sso = await schoolSso(schoolId);
  if (!sso) return { ok: false, reason: "not_configured" };
  let start;
  try {
    start = await startAuthorization(await clientFor(sso), await ssoRedirectUri(schoolId), sso.preset === "google" && sso.allowedDomains.length === 1 ? { hd: sso.allowedDomains[0]! } : {});
  } catch {
    return { ok: false, reason: "provider_unreachable" };
  }
  await db().delete(ssoLogins).where(lt(ssoLogins.expiresAt, sql`now()`));
  await db().insert(ssoLogins).values({
    stateHash: hashToken(start.state),
    schoolId,
    nonce: start.nonce,
    codeVerifier: start.codeVerifier,
    next,
    expiresAt: new Date(Date.now() + LOGIN_TTL_MS),
  });
  return { ok: true, url: start.url, state: start.state };
}

export type CompleteResult =
  | { ok: true; userId: string; role: SessionUser["role"]; next: string | null }
  | { ok: "confirm"; pending: string; email: string; next: string | null }
  | { ok: false; reason: "expired" | "rejected" | "stale" | "provider_error" | "domain" | "no_email" | "taken" | "denied" };

/**
 * Ends the code flow. `cookieState` is the state this browser was given at the start: the
 * callback's state must match it and an unused login row; the row is deleted before the code
 * is exchanged, so the same callback twice fails the second time.
 */
export async function completeSsoLogin(callbackUrl: URL, cookieState: string | null): Promise<CompleteResult> {
  const state = callbackUrl.searchParams.get("state");
  if (!state || !cookieState || state.length > 200 || !safeEqual(state, cookieState)) return { ok: false, reason: "expired" };
  const [login] = await db().delete(ssoLogins).where(eq(ssoLogins.stateHash, hashToken(state))).returning();
  if (!login || login.expiresAt.getTime() < Date.now()) return { ok: false, reason: "expired" };
  if (callbackUrl.searchParams.has("error")) return { ok: false, reason: callbackUrl.searchParams.get("error") === "access_denied" ? "denied" : "provider_error" };
  const sso = await schoolSso(login.schoolId);
  if (!sso) return { ok: false, reason: "expired" };
  let claims: Record<string, unknown>;
  try {
    const client = await clientFor(sso);
    const redirectUri = await ssoRedirectUri(login.schoolId);
    ({ claims } = await finishAuthorization(client, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.codeVerifier, redirectUri }));
  } catch (error) {
    return { ok: false, reason: isIdTokenTimeRefusal(error) ? "stale" : "rejected" };
  }
  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const [linked] = await db()
    .select({ id: users.id, role: users.role, schoolId: users.schoolId })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, subject)));
  if (linked) {
    if (linked.schoolId !== login.schoolId) return { ok: false, reason: "taken" };
    return { ok: true, userId: linked.id, role: linked.role, next: login.next };
  }
  const email = verifiedEmail(claims, sso);
  if (!email) return { ok: false, reason: "no_email" };
  const domain = email.split("@")[1]!;
  if (!sso.allowedDomains.includes(domain) || (sso.preset === "google" && claims.hd !== domain)) return { ok: false, reason: "domain" };
  const vouched = sso.adminLinks?.find((l) => l.email === email);
  if (vouched) {
    const [user] = await db().select({ id: users.id, role: users.role, schoolId: users.schoolId }).from(users).where(eq(users.id, vouched.userId));
    if (user && user.schoolId === login.schoolId) {
      await linkIdentity(user.id, issuer, subject);
      await dropAdminLink(login.schoolId, email);
      return { ok: true, userId: user.id, role: user.role, next: login.next };
    }
  }
  const role = roleFrom(claims, domain, sso.roleRule);
  if (role === "teacher") {
    const [existing] = await db()
      .select({ id: users.id, schoolId: users.schoolId, role: users.role })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (existing) {
      if (existing.schoolId !== login.schoolId || existing.role === "student") return { ok: false, reason: "taken" };
      return { ok: "confirm", pending: sealPendingLink({ userId: existing.id, issuer, subject }), email, next: login.next };
    }
  }
  const created = await createSsoAccount(login.schoolId, role, email, displayNameFrom(claims, email), issuer, subject);
  return { ok: true, userId: created.id, role, next: login.next };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The e-mail the provider vouches for; Entra ID often sends it only as preferred_username. */
function verifiedEmail(claims: Record<string, unknown>, sso: SsoSettings): string | null {
  if (claims.email_verified === false) return null;
  const raw = typeof claims.email === "string" ? claims.email : sso.preset === "microsoft" && typeof claims.preferred_username === "string" ? claims.preferred_username : null;
  const email = raw?.trim().toLowerCase() ?? "";
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null;
}

function displayNameFrom(claims: Record<string, unknown>, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((p) => typeof p === "string" && p).join(" ");
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : given || email.split("@")[0]!;
  return plainName(name).slice(0, 80) || email.split("@")[0]!;
}

/**
 * A new account for a first SSO sign-in. A student gets the minimum: display name and a username
 * from the e-mail's local part; the address itself is not kept (the provider vouches for the
 * person at each sign-in, and Lantern never e-mails students).
 */
async function createSsoAccount(schoolId: string, role: "teacher" | "student", email: string, displayName: string, issuer: string, subject: string) {
  const [username] = role === "teacher" ? [email] : await allocateUsernames([usernameBase(email.split("@")[0]!) ?? "student"]);
  return transaction(async () => {
    const [user] = await db()
      .insert(users)
      .values({ schoolId, role, username: username!, email: role === "teacher" ? email : null, displayName, passwordHash: NO_PASSWORD })
      .returning({ id: users.id });
    await db().insert(ssoIdentities).values({ userId: user!.id, issuer, subject });
    return user!;
  });
}

interface PendingLink {
  userId: string;
  issuer: string;
  subject: string;
  expiresAt: number;
}

/** The identity waiting for its teacher's password: sealed (encrypted and authenticated) for a cookie. */
function sealPendingLink(link: Omit<PendingLink, "expiresAt">): string {
  return seal(JSON.stringify({ ...link, expiresAt: Date.now() + LINK_TTL_MS }), "sso-pending-link");
}

export function openPendingLink(sealed: string | null): PendingLink | null {
  if (!sealed || sealed.length > 2000) return null;
  const plain = unseal(sealed, "sso-pending-link");
  if (!plain) return null;
  try {
    const link = JSON.parse(plain) as PendingLink;
    return typeof link.expiresAt === "number" && link.expiresAt > Date.now() ? link : null;
  } catch {
    return null; // sealed by this server, but not a link (the purpose is bound in since v2)
  }
}

/** Links an identity to an account (after the teacher's password, or by the admin). */
export async function linkIdentity(userId: string, issuer: string, subject: string): Promise<void> {
  await db().insert(ssoIdentities).values({ userId, issuer, subject }).onConflictDoNothing();
}

export type AdminLinkResult = { ok: true } | { ok: false; reason: "no_account" | "not_configured" };

/**
 * The admin vouches that a provider e-mail belongs to an existing account of the school (a
 * student made by a teacher, who has no e-mail in Lantern): the first sign-in with that verified
 * address links the provider's subject to the account, and the e-mail is then forgotten.
 */
export async function addAdminLink(admin: SessionUser, username: string, email: string): Promise<AdminLinkResult> {
  const settings = await readSchoolSettings(admin.schoolId);
  if (!settings.sso) return { ok: false, reason: "not_configured" };
  const [user] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.schoolId, admin.schoolId), eq(sql`lower(${users.username})`, username.trim().toLowerCase())));
  if (!user) return { ok: false, reason: "no_account" };
  await changeSchoolSettings(admin.schoolId, ({ sso }) => {
    if (!sso) return {};
    const adminLinks = [...(sso.adminLinks ?? []).filter((l) => l.email !== email && l.userId !== user.id), { email, userId: user.id }];
    return { sso: { ...sso, adminLinks } };
  });
  return { ok: true };
}

export async function removeAdminLink(admin: SessionUser, email: string): Promise<void> {
  await dropAdminLink(admin.schoolId, email);
}

async function dropAdminLink(schoolId: string, email: string): Promise<void> {
  await db()
    .update(schools)
    .set({
      settings: sql`jsonb_set(${schools.settings}, '{sso,adminLinks}', coalesce((select jsonb_agg(l) from jsonb_array_elements(${schools.settings} -> 'sso' -> 'adminLinks') l where l ->> 'email' <> ${email}), '[]'::jsonb))`,
    })
    .where(and(eq(schools.id, schoolId), sql`${schools.settings} -> 'sso' ? 'adminLinks'`));
}

/** The accounts waiting for their first sign-in, for the admin page. */
export async function adminLinksForPage(admin: SessionUser): Promise<{ email: string; username: string; displayName: string }[]> {
  const links = (await getSchoolSettings(admin)).sso?.adminLinks ?? [];
  if (links.length === 0) return [];
  const rows = await db().select({ id: users.id, username: users.username, displayName: users.displayName }).from(users)
    .where(and(eq(users.schoolId, admin.schoolId), inArray(users.id, links.map((l) => l.userId))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return links.flatMap((l) => {
    const u = byId.get(l.userId);
    return u ? [{ email: l.email, username: u.username, displayName: u.displayName }] : [];
  });
}

/** The username whose password confirms a pending link. */
export async function usernameOf(userId: string): Promise<string | null> {
  const [row] = await db().select({ username: users.username }).from(users).where(eq(users.id, userId));
  return row?.username ?? null;
}

/** The provider's logout URL for a school, when it has one. */
export async function providerLogoutUrl(schoolId: string, returnTo: string): Promise<string | null> {
  const sso = await schoolSso(schoolId);
  if (!sso) return null;
  try {
    return endSessionUrl(await clientFor(sso), returnTo);
  } catch {
    return null;
  }
}

export async function hasSsoIdentity(userId: string): Promise<boolean> {
  const [row] = await db().select({ id: ssoIdentities.id }).from(ssoIdentities).where(eq(ssoIdentities.userId, userId)).limit(1);
  return Boolean(row);
}
