import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze, shared } from "./run-cli";

// Real digital statements (text layer, no OCR) and one file that only pretends to be a PDF.
const statements = [
  "realdata/en_uk_digital_rendered_suganthi_velavan_2022_bs.pdf",
  "realdata-dev/olm_conso_bs.pdf",
  "realdata-dev/za_clicks_ci.pdf",
];
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "finstat-batch-"));
  await mkdir(join(folder, "2023"));
  await copyFile(join(shared, statements[0] as string), join(folder, "a.pdf"));
  await copyFile(join(shared, statements[1] as string), join(folder, "b.PDF"));
  await copyFile(join(shared, statements[2] as string), join(folder, "2023", "c.pdf"));
  await writeFile(join(folder, "corrupt.pdf"), "this is a text file with a .pdf name\n");
  await writeFile(join(folder, "notes.txt"), "not a statement\n");
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(`${folder}-reports`, { recursive: true, force: true });
});

describe("npm run analyze over a folder", () => {
  it("--jsonl: one line per PDF (sub-folders too), the corrupt one an error line, exit 1", async () => {
    const { code, stdout, stderr } = await runAnalyze([folder, "--jsonl", "--jobs", "2"]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const documents = lines.map((line) => JSON.parse(line));
    const failed = documents.filter((d) => d.error);
    expect(failed).toEqual([
      {
        document: { file: "corrupt.pdf", path: join(folder, "corrupt.pdf") },
        error: { code: "not_a_pdf", message: expect.stringMatching(/not a PDF/) },
      },
    ]);
    const analysed = documents.filter((d) => !d.error);
    expect(analysed.map((d) => d.document.path).sort()).toEqual(
      [join(folder, "2023", "c.pdf"), join(folder, "a.pdf"), join(folder, "b.PDF")].sort(),
    );
    for (const d of analysed) expect(d.statements.length).toBeGreaterThan(0);
    expect(code).toBe(1);
    // The table goes to stderr, so stdout stays JSON Lines; no progress bar on a pipe.
    expect(stderr).toMatch(/file\s+pages\s+statements\s+flagged values\s+seconds\s+error/);
    expect(stderr).toContain("4 file(s), 1 failed");
    expect(stderr).not.toContain("[#");
  });

  it("without --jsonl prints the summary table on stdout and exits 0 when all are read", async () => {
    const good = [join(folder, "a.pdf"), join(folder, "b.PDF")];
    const { code, stdout } = await runAnalyze([...good, "--jobs", "1"]);
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((line) => line.startsWith(folder));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/a\.pdf\s+2\s+1\s+\d+\s+\d+\.\d/);
    expect(stdout).toContain("2 file(s), 0 failed");
  });

  it("--out writes each file's Excel and PDF reports into a folder of its own", async () => {
    // Beside the input folder, not in it: the reports are PDFs too.
    const out = `${folder}-reports`;
    const { code } = await runAnalyze([join(folder, "a.pdf"), join(folder, "2023", "c.pdf"), "--out", out]);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["a", "c"]);
    for (const name of ["a", "c"]) {
      const files = await readdir(join(out, name));
      expect(files.filter((f) => f.endsWith(".xlsx"))).toHaveLength(1);
      expect(files.filter((f) => f.endsWith(".pdf"))).toHaveLength(1);
    }
  });

  it("refuses --json for several files and says to use --jsonl", async () => {
    const { code, stderr, stdout } = await runAnalyze([folder, "--json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--json prints one document; for 4 files use --jsonl/);
  });

  it("reports a missing file as a failure of its own and reads the rest", async () => {
    const { code, stdout } = await runAnalyze([
      join(folder, "missing.pdf"),
      join(folder, "a.pdf"),
      "--jsonl",
    ]);
    expect(code).toBe(1);
    const [first, second] = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line))
      .sort((x, y) => String(x.document.path).localeCompare(String(y.document.path)));
    expect(first.statements).toHaveLength(1);
    expect(second.error.code).toBe("file_not_found");
  });
});
