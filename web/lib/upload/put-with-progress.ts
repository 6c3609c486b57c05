import { ApiError } from "../api/errors";

/** Headers the browser sets itself and refuses from scripts (S3 signs Content-Length, for one). */
const BROWSER_HEADERS = new Set(["content-length", "host", "connection"]);

/**
 * PUTs a file to a presigned URL with XMLHttpRequest, the one browser API that reports upload
 * progress. Resolves on 2xx; rejects with the storage's error otherwise.
 */
export function putWithProgress(
  upload: { url: string; method: string; headers: Record<string, string> },
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) {
      if (!BROWSER_HEADERS.has(name.toLowerCase())) request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(file.size, file.size);
        resolve();
        return;
      }
      reject(storageError(request));
    };
    request.onerror = () => reject(new ApiError("network_error", 0, "The upload was interrupted."));
    request.onabort = () => reject(new ApiError("upload_aborted", 0, "The upload was cancelled."));
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

function storageError(request: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(request.responseText) as {
      error?: { code?: string; message?: string; requestId?: string };
    };
    if (body.error?.message) {
      return new ApiError(
        body.error.code ?? "upload_failed",
        request.status,
        body.error.message,
        body.error.requestId,
      );
    }
  } catch {
    // S3 answers in XML; its status is what matters to the user.
  }
  return new ApiError(
    "upload_failed",
    request.status,
    `The storage refused the file (HTTP ${request.status}).`,
  );
}
