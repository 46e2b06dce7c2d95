/**
 * /bench/empty — an empty page under the same root (session lookup, language, catalog links,
 * document shell) as every other page: `npm run bench` measures the lesson page against it, so
 * the ratio says what the lesson itself costs beyond any page. It exists only when the server was
 * started for the benchmark (LANTERN_BENCH=1); anywhere else it is a 404.
 */
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

export function loader() {
  if (!env().LANTERN_BENCH) notFound();
  return {}; // not null: see admin.import.tsx
}

export default function BenchEmpty() {
  return <main id="main" />;
}
