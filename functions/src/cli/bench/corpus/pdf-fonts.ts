import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FontFamily } from "./statement-spec";

const require = createRequire(import.meta.url);

/** Where the npm package dejavu-fonts-ttf keeps its TrueType files. */
export function dejavuDirectory(): string {
  return join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

/** pdfkit's 14 standard fonts only encode WinAnsi: no ı, ş, ğ, İ. */
export function coversTurkish(font: FontFamily): boolean {
  return font.startsWith("DejaVu");
}

/** Registers the family's regular and bold faces as "body" and "bold". */
export function registerFontFamily(doc: PDFKit.PDFDocument, family: FontFamily): void {
  if (family.startsWith("DejaVu")) {
    const dir = dejavuDirectory();
    doc.registerFont("body", join(dir, `${family}.ttf`));
    doc.registerFont("bold", join(dir, `${family}-Bold.ttf`));
    return;
  }
  const bolds: Record<string, string> = {
    Helvetica: "Helvetica-Bold",
    "Times-Roman": "Times-Bold",
    Courier: "Courier-Bold",
  };
  const bold = bolds[family];
  doc.registerFont("body", family);
  doc.registerFont("bold", bold ?? family);
}
