import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documents, users, webhookDeliveries } from "@finstat/db/schema";
import { eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isErrorCode } from "../../src/error-codes";
import { defaultMigrationsFolder, migrateDatabase } from "../../src/platform/db";
import { databaseTargets, type TestDatabase } from "../support/databases";

const BEFORE = "0002_auth_hardening";

/** The committed migrations up to and including `tag`: the schema a database had before the next. */
async function migrationsUpTo(tag: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "finstat-migrations-"));
  await cp(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  await writeFile(journalPath, JSON.stringify(journal));
  return folder;
}

const failedEvent = (code: string) => ({
  event: "document.failed",
  createdAt: "2026-11-30T09:00:00.000Z",
  data: { documentId: "d", status: "failed", error: { code, message: "This file is not a PDF." } },
});

describe.each(databaseTargets())("migration 0003 (error codes in snake_case) on $name", (target) => {
  let database: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    folder = await migrationsUpTo(BEFORE);
    database = await target.open({ migrationsFolder: folder });
  });
  afterAll(async () => {
    await database.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  it("rewrites the upper-case codes documents and pending webhook events stored before it", async () => {
    const [user] = await database.db
      .insert(users)
      .values({ email: "eski@example.com", passwordHash: "hash", fullName: "Eski Kayıt" })
      .returning();
    // Rows as the schema of 0002 held them (no organisation yet), so in SQL, not today's schema.
    const idOf = async (query: SQL) =>
      ((await database.db.execute(query)) as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;
    const companyId = await idOf(
      sql`insert into companies (owner_id, name) values (${user!.id}, 'Anadolu Gıda A.Ş.') returning id`,
    );
    const stored = [
      "NOT_A_PDF",
      "PDF_ENCRYPTED",
      "TIME_BUDGET_EXCEEDED",
      "OCR_UNAVAILABLE",
      "not_a_pdf",
      null,
    ];
    const rows: Array<{ fileName: string }> = [];
    for (const [index, errorCode] of stored.entries()) {
      await database.db.execute(sql`
        insert into documents (owner_id, company_id, file_name, storage_key, sha256, size_bytes, status, error_code)
        values (${user!.id}, ${companyId}, ${`${index}.pdf`}, ${`documents/${index}.pdf`}, ${String(index).repeat(64)},
                1234, ${errorCode ? "failed" : "done"}, ${errorCode})`);
      rows.push({ fileName: `${index}.pdf` });
    }
    const webhook = {
      id: await idOf(
        sql`insert into webhooks (owner_id, url, secret, events) values (${user!.id}, 'https://hooks.example.com/finstat', 'whsec_x', '{}') returning id`,
      ),
    };
    const [pending, delivered] = await database.db
      .insert(webhookDeliveries)
      .values([
        { webhookId: webhook!.id, event: "document.failed", payload: failedEvent("PDF_CORRUPT") },
        {
          webhookId: webhook!.id,
          event: "document.failed",
          payload: failedEvent("PDF_CORRUPT"),
          status: "delivered",
        },
      ])
      .returning();

    const through = await migrationsUpTo("0003_error_codes_snake_case");
    try {
      expect(await migrateDatabase(database.handle, through)).toEqual({ applied: 1 });
    } finally {
      await rm(through, { recursive: true, force: true });
    }

    const codes = new Map(
      (
        await database.db
          .select({ fileName: documents.fileName, errorCode: documents.errorCode })
          .from(documents)
      ).map((row) => [row.fileName, row.errorCode]),
    );
    expect(rows.map((row) => codes.get(row.fileName))).toEqual([
      "not_a_pdf",
      "pdf_encrypted",
      "time_budget_exceeded",
      "ocr_unavailable",
      "not_a_pdf",
      null,
    ]);
    for (const code of codes.values()) if (code !== null) expect(isErrorCode(code)).toBe(true);

    const payloadOf = async (id: string) =>
      (await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!.payload;
    expect(await payloadOf(pending!.id)).toEqual(failedEvent("pdf_corrupt"));
    // What was delivered stays as it was sent.
    expect(await payloadOf(delivered!.id)).toEqual(failedEvent("PDF_CORRUPT"));
  });
});
