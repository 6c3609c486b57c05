import { api, unwrap } from "../api/client";
import type { DocumentView } from "../api/types";
import { type PdfProblem, pdfProblemOf } from "./check-pdf";
import { putWithProgress } from "./put-with-progress";
import { sha256Hex } from "./sha256";

export type UploadStep =
  | { step: "checking" }
  | { step: "hashing" }
  | { step: "uploading"; loaded: number; total: number }
  | { step: "completing" };

export class PdfRejected extends Error {
  readonly problem: PdfProblem;
  constructor(problem: PdfProblem) {
    super(problem);
    this.name = "PdfRejected";
    this.problem = problem;
  }
}

/**
 * One file from the browser to the processing queue: check it, hash it, ask the API for an
 * upload URL (the API refuses a duplicate here), PUT the bytes with progress, and complete,
 * which makes the API verify size, magic and checksum and queue the document.
 */
export async function uploadPdf(
  companyId: string,
  file: File,
  onStep: (step: UploadStep) => void,
  signal?: AbortSignal,
): Promise<{
  document: DocumentView;
  duplicates: Array<{ documentId: string; companyId: string; status: string }>;
}> {
  onStep({ step: "checking" });
  const problem = await pdfProblemOf(file);
  if (problem) throw new PdfRejected(problem);
  onStep({ step: "hashing" });
  const sha256 = await sha256Hex(file);
  const ticket = await unwrap(
    api().documents.$post({
      json: { companyId, fileName: file.name, contentType: "application/pdf", sizeBytes: file.size, sha256 },
    }),
  );
  onStep({ step: "uploading", loaded: 0, total: file.size });
  await putWithProgress(
    ticket.upload,
    file,
    (loaded, total) => onStep({ step: "uploading", loaded, total }),
    signal,
  );
  onStep({ step: "completing" });
  return unwrap(api().documents[":id"].complete.$post({ param: { id: ticket.document.id } }));
}
