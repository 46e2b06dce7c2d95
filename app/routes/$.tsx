/**
 * Any URL no other route matches. Throwing here (instead of letting Remix answer "no match")
 * lets the root loader run, so the 404 page is in the visitor's language.
 */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
