import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMigrationsFolder, migrateDatabase } from "../../src/platform/db";
import { createMemoryStorage } from "../../src/platform/storage/memory-storage";
import { listCompanies, ownedCompany } from "../../src/use-cases/companies";
import { getDocument, listDocuments } from "../../src/use-cases/documents";
import { exportDownload } from "../../src/use-cases/exports";
import { listWebhooks } from "../../src/use-cases/webhooks";
import { databaseTargets, type TestDatabase } from "../support/databases";

/** The committed migrations up to and including `lastTag`: the database as it was before it. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const source = defaultMigrationsFolder();
  const folder = await mkdtemp(join(tmpdir(), "finstat-migrations-"));
  const journal = JSON.parse(await readFile(join(source, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  const upTo = journal.entries.findIndex((entry) => entry.tag === lastTag);
  expect(upTo).toBeGreaterThanOrEqual(0);
  const entries = journal.entries.slice(0, upTo + 1);
  for (const entry of entries) await cp(join(source, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  await cp(join(source, "meta"), join(folder, "meta"), { recursive: true });
  await writeFile(join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

const sha = (seed: string) => seed.repeat(64).slice(0, 64);
const missing = { code: "not_found" };

describe.each(databaseTargets())("the organisations migration on $name", (target) => {
  let database: TestDatabase;
  let folder: string;
  const ids: Record<string, string> = {};

  async function insert(statement: ReturnType<typeof sql>): Promise<string> {
    const result = await database.db.execute<{ id: string }>(statement);
    return result.rows[0]!.id;
  }

  beforeAll(async () => {
    folder = await migrationsUpTo("0003_error_codes_snake_case");
    database = await target.open({ migrationsFolder: folder });
    // Data as the schema of 0002 held it: everything owned by a user directly.
    for (const [key, email, name] of [
      ["ayse", "ayse@example.com", "Ayşe Yılmaz"],
      ["mehmet", "mehmet@example.com", "Mehmet Demir"],
      ["idle", "idle@example.com", "  "],
    ] as const) {
      ids[key] = await insert(
        sql`insert into users (email, password_hash, full_name) values (${email}, 'hash', ${name}) returning id`,
      );
    }
    ids.ayseGida = await insert(
      sql`insert into companies (owner_id, name, tax_id) values (${ids.ayse}, 'Anadolu Gıda', '1234567890') returning id`,
    );
    ids.ayseTekstil = await insert(
      sql`insert into companies (owner_id, name) values (${ids.ayse}, 'Ege Tekstil') returning id`,
    );
    // The same tax id in the other user's books: allowed then, and still allowed per organisation.
    ids.mehmetGida = await insert(
      sql`insert into companies (owner_id, name, tax_id) values (${ids.mehmet}, 'Anadolu Gıda', '1234567890') returning id`,
    );
    for (const [key, owner, company] of [
      ["ayseDoc1", "ayse", "ayseGida"],
      ["ayseDoc2", "ayse", "ayseTekstil"],
      ["mehmetDoc", "mehmet", "mehmetGida"],
    ] as const) {
      ids[key] = await insert(sql`
        insert into documents (owner_id, company_id, file_name, storage_key, sha256, size_bytes, status)
        values (${ids[owner]}, ${ids[company]}, ${`${key}.pdf`}, ${`documents/${key}.pdf`}, ${sha(key.at(-1)!)}, 100, 'done')
        returning id`);
    }
    ids.ayseExport = await insert(sql`
      insert into exports (document_id, company_id, user_id, format, storage_key)
      values (${ids.ayseDoc1}, ${ids.ayseGida}, ${ids.ayse}, 'pdf', 'exports/a.pdf') returning id`);
    ids.mehmetExport = await insert(sql`
      insert into exports (document_id, company_id, user_id, format, storage_key)
      values (${ids.mehmetDoc}, ${ids.mehmetGida}, ${ids.mehmet}, 'xlsx', 'exports/m.xlsx') returning id`);
    for (const owner of ["ayse", "mehmet"] as const) {
      ids[`${owner}Hook`] = await insert(sql`
        insert into webhooks (owner_id, url, secret) values (${ids[owner]}, ${`https://${owner}.example.com/hook`}, 'whsec_x')
        returning id`);
    }
    // A review and a correction from before "reviewed by" and the document history existed.
    await database.db.execute(sql`update documents set reviewed_at = now() where id = ${ids.ayseDoc1}`);
    await database.db.execute(sql`
      insert into audit_log (user_id, action, entity_type, entity_id, details) values
        (${ids.ayse}, 'document.review', 'document', ${ids.ayseDoc1}, '{}'),
        (${ids.ayse}, 'statement.correct', 'financial_statement', gen_random_uuid()::text,
         ${JSON.stringify({ documentId: ids.ayseDoc1, oldValue: 1, newValue: 2 })}::jsonb),
        (${ids.mehmet}, 'account.login', 'user', ${ids.mehmet}, '{}')`);
    const pending =
      JSON.parse(await readFile(join(defaultMigrationsFolder(), "meta", "_journal.json"), "utf8")).entries
        .length - 4;
    expect(await migrateDatabase(database.handle)).toEqual({ applied: pending });
  });
  afterAll(async () => {
    await database?.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  async function organisationsOf(userId: string) {
    const result = await database.db.execute<{
      id: string;
      name: string;
      personal: boolean;
      role: string;
    }>(sql`
      select o.id, o.name, o.personal, m.role from memberships m join organisations o on o.id = m.organisation_id
      where m.user_id = ${userId}`);
    return result.rows;
  }

  it("gives every user one personal organisation, which they own alone", async () => {
    const ayse = await organisationsOf(ids.ayse!);
    expect(ayse).toEqual([{ id: expect.any(String), name: "Ayşe Yılmaz", personal: true, role: "owner" }]);
    expect(await organisationsOf(ids.idle!)).toEqual([
      { id: expect.any(String), name: "idle@example.com", personal: true, role: "owner" },
    ]);
    const counts = await database.db.execute<{ organisations: number; memberships: number }>(sql`
      select (select count(*)::int from organisations) as organisations,
             (select count(*)::int from memberships) as memberships`);
    expect(counts.rows[0]).toEqual({ organisations: 3, memberships: 3 });
  });

  it("moves every owned row into its owner's organisation, and leaves none without one", async () => {
    const [ayse] = await organisationsOf(ids.ayse!);
    const [mehmet] = await organisationsOf(ids.mehmet!);
    const placed = await database.db.execute<{ id: string; organisation_id: string }>(sql`
      select id, organisation_id from companies union all
      select id, organisation_id from documents union all
      select id, organisation_id from exports union all
      select id, organisation_id from webhooks`);
    const organisationOf = Object.fromEntries(placed.rows.map((row) => [row.id, row.organisation_id]));
    for (const key of ["ayseGida", "ayseTekstil", "ayseDoc1", "ayseDoc2", "ayseExport", "ayseHook"]) {
      expect({ key, organisation: organisationOf[ids[key]!] }).toEqual({ key, organisation: ayse!.id });
    }
    for (const key of ["mehmetGida", "mehmetDoc", "mehmetExport", "mehmetHook"]) {
      expect({ key, organisation: organisationOf[ids[key]!] }).toEqual({ key, organisation: mehmet!.id });
    }
    expect(placed.rows).toHaveLength(10);
    const nullable = await database.db.execute<{ table_name: string }>(sql`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'organisation_id' and is_nullable = 'YES'`);
    // Only the audit log may hold rows of no organisation: a user's own sign-ins and sign-ups.
    expect(nullable.rows).toEqual([{ table_name: "audit_log" }]);
  });

  it("names the reviewer of documents reviewed before 0005 and ties their history to them", async () => {
    const reviewed = await database.db.execute<{ id: string; reviewed_by_id: string | null }>(
      sql`select id, reviewed_by_id from documents order by file_name`,
    );
    expect(reviewed.rows).toEqual([
      { id: ids.ayseDoc1, reviewed_by_id: ids.ayse },
      { id: ids.ayseDoc2, reviewed_by_id: null },
      { id: ids.mehmetDoc, reviewed_by_id: null },
    ]);
    const history = await database.db.execute<{
      action: string;
      document_id: string | null;
      same_org: boolean;
    }>(sql`
      select a.action, a.document_id, a.organisation_id is not distinct from d.organisation_id as same_org
      from audit_log a left join documents d on d.id = a.document_id order by a.action`);
    expect(history.rows).toEqual([
      { action: "account.login", document_id: null, same_org: true },
      { action: "document.review", document_id: ids.ayseDoc1, same_org: true },
      { action: "statement.correct", document_id: ids.ayseDoc1, same_org: true },
    ]);
  });

  it("shows each user, through the use cases, exactly their own data as before", async () => {
    const ayse = { userId: ids.ayse! };
    const mehmet = { userId: ids.mehmet! };
    expect((await listCompanies(database, ayse)).map((c) => c.id).sort()).toEqual(
      [ids.ayseGida, ids.ayseTekstil].sort(),
    );
    expect((await listCompanies(database, mehmet)).map((c) => c.id)).toEqual([ids.mehmetGida]);
    expect(await listCompanies(database, { userId: ids.idle! })).toEqual([]);

    const page = { page: 1, pageSize: 20 };
    expect((await listDocuments(database, ayse, page)).items.map((d) => d.id).sort()).toEqual(
      [ids.ayseDoc1, ids.ayseDoc2].sort(),
    );
    expect((await listDocuments(database, mehmet, page)).items.map((d) => d.id)).toEqual([ids.mehmetDoc]);
    expect((await getDocument(database, ayse, ids.ayseDoc1!)).fileName).toBe("ayseDoc1.pdf");
    expect((await listWebhooks(database, ayse)).map((w) => w.id)).toEqual([ids.ayseHook]);
    expect((await listWebhooks(database, mehmet)).map((w) => w.id)).toEqual([ids.mehmetHook]);

    await expect(getDocument(database, ayse, ids.mehmetDoc!)).rejects.toMatchObject(missing);
    await expect(getDocument(database, mehmet, ids.ayseDoc2!)).rejects.toMatchObject(missing);
    await expect(ownedCompany(database, mehmet, ids.ayseGida!)).rejects.toMatchObject(missing);
    const storage = createMemoryStorage();
    await storage.put("exports/a.pdf", "%PDF-1.7", "application/pdf");
    const download = (actor: { userId: string }, exportId: string) =>
      exportDownload({ db: database.db, storage }, actor, exportId);
    const fetched = await download(ayse, ids.ayseExport!);
    expect(fetched.export).toMatchObject({ id: ids.ayseExport, documentId: ids.ayseDoc1, format: "pdf" });
    expect(fetched.url).toMatch(/^http:\/\/localhost:3000\//);
    await expect(download(mehmet, ids.ayseExport!)).rejects.toMatchObject(missing);
  });
});
