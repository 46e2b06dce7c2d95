/**
 * What a printed sign-in card carries beyond the name and password: the full sign-in address of
 * this server with the username filled in, and the same address as a QR code a phone or a
 * school tablet can scan. The password is never in the link or the code.
 */
import type { SessionUser } from "~/utils/auth.server";
import { publicUrlOf, signInLink } from "./public-url.server";
import { qrSvg } from "./qr-code.server";
import type { NewStudentCard } from "./students.server";

export interface PrintableCard extends NewStudentCard {
  /** The sign-in page with the username filled in. */
  signInUrl: string;
  /** The server's address, printed in words for a student who types it. */
  site: string;
  /** Inline SVG of `signInUrl`. */
  qr: string;
}

export async function printableCards(user: Pick<SessionUser, "schoolId">, cards: NewStudentCard[]): Promise<PrintableCard[]> {
  const site = await publicUrlOf(user);
  return Promise.all(
    cards.map(async (card) => {
      const signInUrl = signInLink(site, card.username);
      return { ...card, site, signInUrl, qr: await qrSvg(signInUrl) };
    }),
  );
}
