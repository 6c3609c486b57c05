/** File names of the reports: "finstat-ege-yildiz-gida-2024-12-31.xlsx", plain ASCII so every mail client and OS keeps them. */
import type { AnalysisOutput } from "../analysis/types";
import type { ReportCompany } from "./options";
import { reportPeriods } from "./periods";

const TURKISH_TO_ASCII: Record<string, string> = {
  ı: "i",
  İ: "i",
  ş: "s",
  Ş: "s",
  ğ: "g",
  Ğ: "g",
  ü: "u",
  Ü: "u",
  ö: "o",
  Ö: "o",
  ç: "c",
  Ç: "c",
};

export function slugify(text: string): string {
  return text
    .replace(/[ıİşŞğĞüÜöÖçÇ]/g, (letter) => TURKISH_TO_ASCII[letter] ?? letter)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

export function reportFileName(
  output: AnalysisOutput,
  company: ReportCompany | undefined,
  extension: "xlsx" | "pdf",
): string {
  const subject = slugify(company?.name ?? output.document.file.replace(/\.pdf$/i, "")) || "report";
  const latest = reportPeriods(output.statements)[0]?.id;
  const period = latest ? `-${slugify(latest)}` : "";
  return `finstat-${subject}${period}.${extension}`;
}
