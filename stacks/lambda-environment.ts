import {
  documentTimeBudgetSeconds,
  maxPagesPerDocument,
  maxReceiveCount,
  queueVisibilityTimeoutSeconds,
} from "./capacity";

/**
 * Plain settings every deployed function shares, named as functions/src/platform/config.ts reads
 * them. Links (bucket, queue, secrets, mailer) arrive through SST instead.
 */
export function lambdaEnvironment(webOrigin: string | undefined): Record<string, string> {
  return {
    // /tmp is the only writable directory on Lambda.
    DATA_DIR: "/tmp/finstat",
    MAX_PAGES: String(maxPagesPerDocument),
    DOCUMENT_TIME_BUDGET_SECONDS: String(documentTimeBudgetSeconds),
    QUEUE_VISIBILITY_TIMEOUT_SECONDS: String(queueVisibilityTimeoutSeconds),
    QUEUE_MAX_ATTEMPTS: String(maxReceiveCount),
    ...(webOrigin ? { WEB_ORIGIN: webOrigin } : {}),
  };
}

/** Packages that read their own files at run time, so they must stay out of the esbuild bundle. */
export const reportPackages = ["pdfkit", "dejavu-fonts-ttf"];
