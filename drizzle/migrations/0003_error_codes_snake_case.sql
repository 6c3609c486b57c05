-- Error codes have one casing, snake_case (functions/src/error-codes.ts). The worker used to
-- store a failed document's code in upper case (NOT_A_PDF); each old code lower-cased is its
-- new code, so lower() rewrites them all, and codes already in snake_case stay as they are.
UPDATE "documents" SET "error_code" = lower("error_code") WHERE "error_code" <> lower("error_code");
--> statement-breakpoint
-- A document.failed event not yet delivered goes out with the code in the same casing. The
-- delivered ones stay as they were sent.
UPDATE "webhook_deliveries"
SET "payload" = jsonb_set("payload", '{data,error,code}', to_jsonb(lower("payload" #>> '{data,error,code}')))
WHERE "status" = 'pending'
  AND "payload" #>> '{data,error,code}' <> lower("payload" #>> '{data,error,code}');
