import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; `npm run db:migrate` (functions/src/handlers/migrate.ts)
// applies the committed migrations, so no credentials live here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./drizzle/schema/index.ts",
  out: "./drizzle/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/finstat" },
  strict: true,
  verbose: true,
});
