/**
 * What the browser can check before sending a file: that it says it is a PDF, that its bytes
 * start like one, and that it fits the upload limit. The API checks all of it again.
 */
export const UPLOAD_MAX_BYTES = Number(process.env.NEXT_PUBLIC_UPLOAD_MAX_BYTES ?? 25 * 1024 * 1024);

export type PdfProblem = "type" | "magic" | "size" | "empty";

const PDF_MAGIC = "%PDF-";
/** Readers accept the header anywhere in the first KiB (some scanners prepend bytes). */
const MAGIC_WINDOW = 1024;

export async function pdfProblemOf(file: File, maxBytes = UPLOAD_MAX_BYTES): Promise<PdfProblem | null> {
  if (file.type !== "application/pdf") return "type";
  if (file.size === 0) return "empty";
  if (file.size > maxBytes) return "size";
  const head = new Uint8Array(await file.slice(0, MAGIC_WINDOW).arrayBuffer());
  return hasPdfMagic(head) ? null : "magic";
}

export function hasPdfMagic(head: Uint8Array): boolean {
  let text = "";
  for (const byte of head) text += String.fromCharCode(byte);
  return text.includes(PDF_MAGIC);
}
