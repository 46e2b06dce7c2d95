import { defineConfig } from "drizzle-kit";

// Used only to generate migrations (`npm run db:generate -- --name verb_noun`); no database needed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
