// Helper for .ci/run: ping the CI PostgreSQL server, create or drop a throwaway database.
import postgres from "postgres";

const [command, name] = process.argv.slice(2);
const sql = postgres("postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {}, connect_timeout: 5 });
try {
  if (command === "ping") await sql`select 1`;
  else if (command === "create") await sql.unsafe(`create database "${name}"`);
  else if (command === "drop") await sql.unsafe(`drop database if exists "${name}" with (force)`);
  else throw new Error(`unknown command ${command}`);
} catch (error) {
  console.error(`ci-postgres ${command}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 2 });
}
