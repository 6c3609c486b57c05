import { createHash } from "node:crypto";
import { statementPdf } from "./sample-statement-pdf";

export interface BenchSeed {
  cookie: string;
  companyId: string;
  documentId: string;
}

/**
 * One account with one company and a processed document, created through the HTTP API itself
 * (register, company, upload URL, PUT, complete), then processed in this process.
 */
export async function seedBenchAccount(
  base: string,
  process: (documentId: string) => Promise<unknown>,
): Promise<BenchSeed> {
  let cookie = "";
  let csrf = "";
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(path.startsWith("http") ? path : `${base}${path}`, {
      ...init,
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf, ...(init.headers ?? {}) },
    });
    const setCookies = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
    if (setCookies.length > 0) cookie = setCookies.join("; ");
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
    const body = text ? JSON.parse(text) : {};
    if (typeof body.csrfToken === "string") csrf = body.csrfToken;
    return body;
  };
  await call("/api/auth/register", {
    method: "POST",
    body: JSON.stringify({ email: "bench@example.com", password: "load bench password", fullName: "Bench" }),
  });
  // Registering gives no session: log in as the web does.
  await call("/api/auth/login", {
    method: "POST",
    body: JSON.stringify({ email: "bench@example.com", password: "load bench password" }),
  });
  const { company } = await call("/api/companies", {
    method: "POST",
    body: JSON.stringify({ name: "Bench Ltd", currency: "USD" }),
  });
  const pdf = await statementPdf({ scale: 3.7 });
  const { document, upload } = await call("/api/documents", {
    method: "POST",
    body: JSON.stringify({
      companyId: company.id,
      fileName: "bench.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.byteLength,
      sha256: createHash("sha256").update(pdf).digest("hex"),
    }),
  });
  await fetch(upload.url.replace("http://localhost:3000", base), {
    method: "PUT",
    headers: upload.headers,
    body: pdf as Uint8Array<ArrayBuffer>,
  });
  await call(`/api/documents/${document.id}/complete`, { method: "POST" });
  await process(document.id);
  return {
    cookie: cookie
      .split("; ")
      .filter((c) => c.startsWith("finstat_access="))
      .join("; "),
    companyId: company.id,
    documentId: document.id,
  };
}
