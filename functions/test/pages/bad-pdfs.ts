import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs qpdf on bytes (it is installed on the dev machines and in CI, see .ci/run). */
export function qpdf(input: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "finstat-qpdf-"));
  try {
    const source = join(dir, "in.pdf");
    const target = join(dir, "out.pdf");
    writeFileSync(source, input);
    execFileSync("qpdf", [...args, source, target], { stdio: "pipe" });
    return new Uint8Array(readFileSync(target));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function encryptedWithQpdf(input: Uint8Array): Uint8Array {
  return qpdf(input, ["--encrypt", "user", "owner", "256", "--"]);
}

/** Only an owner password (permissions), which every viewer opens without asking. */
export function ownerPasswordOnly(input: Uint8Array): Uint8Array {
  return qpdf(input, ["--encrypt", "", "owner", "256", "--"]);
}

export function rotatedWithQpdf(input: Uint8Array, degrees: 90 | 180 | 270): Uint8Array {
  return qpdf(input, [`--rotate=+${degrees}`]);
}

/**
 * The same page with its fonts' /ToUnicode maps knocked out: pdfjs then reports raw glyph
 * codes (control characters), which is what PDFs from some accounting packages look like.
 */
export function withoutUnicodeMaps(input: Uint8Array): Uint8Array {
  const expanded = Buffer.from(qpdf(input, ["--qdf", "--object-streams=disable"]));
  const broken = Buffer.from(expanded.toString("latin1").replaceAll("/ToUnicode", "/ToUnicodX"), "latin1");
  return new Uint8Array(broken);
}

/** A syntactically valid PDF whose page tree is empty. */
export function zeroPagePdf(): Uint8Array {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new Uint8Array(Buffer.from(body, "latin1"));
}

/** Pages of several PDFs, in order, as one document (like a scan appended to an export). */
export function concatenated(...documents: Uint8Array[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "finstat-qpdf-"));
  try {
    const inputs = documents.map((bytes, index) => {
      const file = join(dir, `part${index}.pdf`);
      writeFileSync(file, bytes);
      return file;
    });
    const target = join(dir, "all.pdf");
    execFileSync("qpdf", ["--empty", "--pages", ...inputs, "--", target], { stdio: "pipe" });
    return new Uint8Array(readFileSync(target));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
