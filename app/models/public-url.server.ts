/**
 * This server's public address, for everything that leaves the screen: printed sign-in cards,
 * their QR codes, join links, teacher invitations. It is a school setting (the admin can change
 * it), by default the origin the first admin signed up at, else PUBLIC_URL, else this computer.
 * Never the Host header of the request at hand: a visitor chooses that header, and a link built
 * from it could send students to someone else's server (decision 017).
 */
import type { SessionUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { getSchoolSettings } from "./schools.server";

/** An http(s) origin ("https://lantern.example"), or null for anything else. */
export function normalizePublicUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The school's saved address, else the configured one, else this computer. */
export async function publicUrlOf(user: Pick<SessionUser, "schoolId">): Promise<string> {
  const settings = await getSchoolSettings(user);
  return settings.publicUrl ?? env().PUBLIC_URL ?? `http://localhost:${env().PORT}`;
}

/** The address a new school starts with: PUBLIC_URL when configured, else where its admin signed up. */
export function initialPublicUrl(request: Request): string | null {
  return env().PUBLIC_URL ?? normalizePublicUrl(request.url);
}

export function signInLink(base: string, username: string): string {
  return `${base}/signin?username=${encodeURIComponent(username)}`;
}

export function joinLink(base: string, code: string): string {
  return `${base}/join/${encodeURIComponent(code)}`;
}
