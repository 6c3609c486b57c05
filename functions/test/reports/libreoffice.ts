/**
 * Recalculates workbooks in LibreOffice headless. LibreOffice keeps the cached formula results
 * of an .xlsx by default, even with fullCalcOnLoad, so a private profile sets "always
 * recalculate on load"; converting xlsx → xlsx then stores LibreOffice's own results.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function libreOfficeBinary(): string {
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("LibreOffice is not installed (Debian: apt-get install libreoffice-calc)");
}

/** Each workbook as LibreOffice recalculated and saved it, in the same order. */
export async function recalculateWithLibreOffice(workbooks: Uint8Array[]): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), "finstat-lo-"));
  try {
    const profile = join(dir, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ALWAYS);
    const inputs = join(dir, "in");
    const outputs = join(dir, "out");
    await mkdir(inputs);
    const files = await Promise.all(
      workbooks.map(async (bytes, index) => {
        const file = join(inputs, `workbook-${index}.xlsx`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    await run(
      libreOfficeBinary(),
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outputs,
        ...files,
      ],
      { timeout: 120_000 },
    );
    return await Promise.all(
      workbooks.map(
        async (_, index) => new Uint8Array(await readFile(join(outputs, `workbook-${index}.xlsx`))),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
