import { readFileSync } from "node:fs";
import {
  analysisResults,
  auditLog,
  companies,
  documents,
  financialStatements,
  memberships,
  organisations,
  users,
} from "@finstat/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, defaultMigrationsFolder, migrateDatabase } from "../../src/platform/db";
import { createPersonalOrganisation } from "../../src/use-cases/memberships";
import { databaseTargets, type TestDatabase } from "../support/databases";

/** How many migrations are committed (drizzle's journal). */
function committedMigrations(): number {
  const journal = JSON.parse(readFileSync(`${defaultMigrationsFolder()}/meta/_journal.json`, "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

const sha = (seed: string) => seed.repeat(64).slice(0, 64);

/** The SQLSTATE of a failed statement, whichever driver (and drizzle wrapper) raised it. */
async function sqlState(statement: PromiseLike<unknown>): Promise<string | undefined> {
  try {
    await statement;
    return undefined;
  } catch (error) {
    let current: unknown = error;
    while (current) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = (current as { cause?: unknown }).cause;
    }
    throw error;
  }
}

const UNIQUE = "23505";
const CHECK = "23514";
const INVALID_ENUM = "22P02";

describe.each(databaseTargets())("schema and migrations on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    // Naming the committed migrations migrates an empty database, not a copy of the migrated
    // template: this is the test that they apply from scratch.
    database = await target.open({ migrationsFolder: defaultMigrationsFolder() });
  });
  afterAll(() => database.destroy());

  async function newUser(email: string) {
    const [user] = await database.db
      .insert(users)
      .values({ email, passwordHash: "hash", fullName: "Ayşe Yılmaz" })
      .returning();
    return user!;
  }
  /** The user's personal organisation, made on first use as a sign-up would. */
  async function organisationOf(userId: string): Promise<string> {
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, userId));
    return (
      membership?.organisationId ?? createPersonalOrganisation(database.db, { id: userId, fullName: "Ayşe" })
    );
  }
  async function newCompany(ownerId: string, taxId?: string) {
    const [company] = await database.db
      .insert(companies)
      .values({ organisationId: await organisationOf(ownerId), ownerId, name: "Anadolu Gıda A.Ş.", taxId })
      .returning();
    return company!;
  }
  async function newDocument(ownerId: string, companyId: string, seed: string) {
    const [document] = await database.db
      .insert(documents)
      .values({
        organisationId: await organisationOf(ownerId),
        ownerId,
        companyId,
        fileName: `${seed}.pdf`,
        storageKey: `documents/${seed}.pdf`,
        sha256: sha(seed),
        sizeBytes: 1234,
      })
      .returning();
    return document!;
  }

  it("applies every committed migration once", async () => {
    const applied = await database.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.count).toBe(committedMigrations());
    expect(await migrateDatabase(database.handle)).toEqual({ applied: 0 });

    const tables = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual([
      "analysis_results",
      "api_keys",
      "audit_log",
      "companies",
      "documents",
      "exports",
      "financial_statements",
      "invitations",
      "jobs",
      "login_attempts",
      "membership_companies",
      "memberships",
      "organisations",
      "rate_limits",
      "sessions",
      "users",
      "webhook_deliveries",
      "webhooks",
    ]);
  });

  it("indexes every foreign key column", async () => {
    // A foreign key is covered when some index on the table starts with its column.
    const uncovered = await database.db.execute<{ table_name: string; column_name: string }>(sql`
      select c.conrelid::regclass::text as table_name, a.attname as column_name
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
        )`);
    expect(uncovered.rows).toEqual([]);
  });

  it("keeps e-mail addresses unique and lower-case", async () => {
    await newUser("muhasebe@example.com.tr");
    expect(await sqlState(newUser("muhasebe@example.com.tr"))).toBe(UNIQUE);
    expect(await sqlState(newUser("Muhasebe@Example.com.tr"))).toBe(CHECK);
    expect(await sqlState(newUser("not-an-address"))).toBe(CHECK);
  });

  it("accepts a 10-digit VKN or an 11-digit TCKN and nothing else as tax id", async () => {
    const owner = await newUser("tax@example.com");
    const other = await newUser("tax-other@example.com");
    expect((await newCompany(owner.id, "1234567890")).taxId).toBe("1234567890");
    expect((await newCompany(owner.id, "12345678901")).taxId).toBe("12345678901");
    expect((await newCompany(owner.id)).taxId).toBeNull();
    expect(await sqlState(newCompany(owner.id, "123456789"))).toBe(CHECK);
    expect(await sqlState(newCompany(owner.id, "12345ABCDE"))).toBe(CHECK);
    expect(await sqlState(newCompany(owner.id, "1234567890"))).toBe(UNIQUE);
    expect((await newCompany(other.id, "1234567890")).ownerId).toBe(other.id);
  });

  it("detects a re-upload of the same file to the same company", async () => {
    const owner = await newUser("upload@example.com");
    const company = await newCompany(owner.id);
    const otherCompany = await newCompany(owner.id);
    const first = await newDocument(owner.id, company.id, "a");
    expect(first.status).toBe("uploaded");
    expect(first.progress).toBe(0);
    const again = database.db.insert(documents).values({
      organisationId: company.organisationId,
      ownerId: owner.id,
      companyId: company.id,
      fileName: "copy.pdf",
      storageKey: "documents/copy.pdf",
      sha256: sha("a"),
      sizeBytes: 1,
    });
    expect(await sqlState(again)).toBe(UNIQUE);
    expect((await newDocument(owner.id, otherCompany.id, "b")).companyId).toBe(otherCompany.id);
  });

  it("guards document status and progress", async () => {
    const owner = await newUser("status@example.com");
    const company = await newCompany(owner.id);
    const document = await newDocument(owner.id, company.id, "c");
    await database.db
      .update(documents)
      .set({ status: "processing", stage: "ocr", progress: 40 })
      .where(eq(documents.id, document.id));
    expect(
      await sqlState(
        database.db.update(documents).set({ progress: 101 }).where(eq(documents.id, document.id)),
      ),
    ).toBe(CHECK);
    expect(
      await sqlState(
        database.db.execute(sql`update documents set status = 'bogus' where id = ${document.id}`),
      ),
    ).toBe(INVALID_ENUM);
    const [row] = await database.db.select().from(documents).where(eq(documents.id, document.id));
    expect(row).toMatchObject({ status: "processing", stage: "ocr", progress: 40 });
    expect(row!.updatedAt.getTime()).toBeGreaterThanOrEqual(row!.createdAt.getTime());
  });

  it("stores one statement per document and type, with its JSON intact", async () => {
    const owner = await newUser("statement@example.com");
    const company = await newCompany(owner.id);
    const document = await newDocument(owner.id, company.id, "d");
    const statement = {
      documentId: document.id,
      companyId: company.id,
      type: "balance_sheet" as const,
      periodEnd: "2024-12-31",
      currency: "TRY",
      unit: 1000,
      periods: [{ id: "2024-12-31", label: "31.12.2024", end: "2024-12-31" }],
      items: [
        {
          label: "Kasa",
          code: "100",
          key: "cash_and_equivalents" as const,
          values: { "2024-12-31": 125430.5 },
          confidence: 0.99,
          sources: ["text" as const],
          page: 1,
        },
      ],
      canonical: { cash_and_equivalents: { "2024-12-31": 125430.5 } },
      checks: [
        {
          rule: "total_assets = total_liabilities_and_equity",
          period: "2024-12-31",
          ok: true,
          difference: 0,
        },
      ],
      confidence: 0.97,
    };
    const [stored] = await database.db.insert(financialStatements).values(statement).returning();
    expect(stored).toMatchObject({ ...statement, flagged: false });
    expect(await sqlState(database.db.insert(financialStatements).values(statement))).toBe(UNIQUE);
    expect(
      await sqlState(
        database.db
          .insert(financialStatements)
          .values({ ...statement, type: "income_statement", confidence: 1.5 }),
      ),
    ).toBe(CHECK);
    const byPeriod = await database.db
      .select({ id: financialStatements.id })
      .from(financialStatements)
      .where(eq(financialStatements.periodEnd, "2024-12-31"));
    expect(byPeriod.map((row) => row.id)).toEqual([stored!.id]);
  });

  it("requires analysis results to belong to a document or a company", async () => {
    expect(await sqlState(database.db.insert(analysisResults).values({ kind: "ratios", results: [] }))).toBe(
      CHECK,
    );
  });

  it("keeps a firm's data when its uploader goes, deletes it with the organisation, keeps the audit trail", async () => {
    const owner = await newUser("leaving@example.com");
    const organisationId = await organisationOf(owner.id);
    const company = await newCompany(owner.id);
    const document = await newDocument(owner.id, company.id, "e");
    await database.db
      .insert(analysisResults)
      .values({ documentId: document.id, kind: "ratios", results: [{ key: "current_ratio" }] });
    const [entry] = await database.db
      .insert(auditLog)
      .values({ userId: owner.id, action: "document.upload", entityType: "document", entityId: document.id })
      .returning();

    await database.db.delete(users).where(eq(users.id, owner.id));
    const [orphan] = await database.db.select().from(documents).where(eq(documents.id, document.id));
    expect(orphan).toMatchObject({ ownerId: null, organisationId });
    expect(await database.db.select().from(companies).where(eq(companies.id, company.id))).toMatchObject([
      { ownerId: null },
    ]);

    await database.db.delete(organisations).where(eq(organisations.id, organisationId));
    expect(await database.db.select().from(companies).where(eq(companies.id, company.id))).toEqual([]);
    expect(await database.db.select().from(documents).where(eq(documents.id, document.id))).toEqual([]);
    expect(
      await database.db.select().from(analysisResults).where(eq(analysisResults.documentId, document.id)),
    ).toEqual([]);
    const [kept] = await database.db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
    expect(kept).toMatchObject({ userId: null, action: "document.upload", entityId: document.id });
  });

  it("answers ping with a latency", async () => {
    expect(await database.handle.ping()).toBeGreaterThanOrEqual(0);
    expect(database.handle.kind).toBe(database.name === "pglite" ? "pglite" : "pg");
  });
});

describe.each(databaseTargets().filter((target) => target.name === "postgres"))(
  "migrations on a shared $name server",
  (target) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await target.open();
      // Start from an empty database, as a fresh deploy would.
      await database.db.execute(
        sql`drop schema public cascade; create schema public; drop schema drizzle cascade`,
      );
    });
    afterAll(() => database.destroy());

    it("lets processes that start together migrate without tripping over each other", async () => {
      const others = await Promise.all([createDatabase(database.env), createDatabase(database.env)]);
      try {
        const results = await Promise.all([
          migrateDatabase(database.handle),
          ...others.map((other) => migrateDatabase(other)),
        ]);
        // Exactly one process applies every migration; the others find nothing left to do.
        expect(results.map((result) => result.applied).sort()).toEqual([0, 0, committedMigrations()]);
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });
  },
);
