/**
 * Every code a user can meet: in an API error body, as a failed document's `errorCode`, in a
 * webhook's `document.failed` event, or in the CLI's JSON. The status is what the API answers
 * with it; `retryable` tells the worker whether the queue may deliver the job again (true) or
 * the document fails for good (false). Codes are snake_case; migration 0003 rewrote the
 * upper-case codes documents stored before. Kept free of imports: the web reads it too.
 */
export const ERROR_CODES = {
  // Requests the API refuses before any use case runs.
  bad_request: { status: 400, retryable: false },
  invalid_request: { status: 400, retryable: false },
  invalid_json: { status: 400, retryable: false },
  invalid_characters: { status: 400, retryable: false },
  unauthorized: { status: 401, retryable: false },
  forbidden: { status: 403, retryable: false },
  not_found: { status: 404, retryable: false },
  method_not_allowed: { status: 405, retryable: false },
  conflict: { status: 409, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  rate_limited: { status: 429, retryable: false },
  internal_error: { status: 500, retryable: false },
  origin_not_allowed: { status: 403, retryable: false },

  // Accounts and sessions.
  unauthenticated: { status: 401, retryable: false },
  invalid_credentials: { status: 401, retryable: false },
  csrf_token_invalid: { status: 403, retryable: false },
  too_many_login_attempts: { status: 429, retryable: false },
  account_sole_owner: { status: 409, retryable: false },

  // Companies, documents and their upload.
  company_exists: { status: 409, retryable: false },
  duplicate_document: { status: 409, retryable: false },
  file_too_large: { status: 413, retryable: false },
  upload_url_invalid: { status: 404, retryable: false },
  upload_missing: { status: 409, retryable: false },
  upload_already_completed: { status: 409, retryable: false },
  upload_not_completed: { status: 409, retryable: false },
  upload_content_type_mismatch: { status: 415, retryable: false },
  upload_size_mismatch: { status: 422, retryable: false },
  upload_checksum_mismatch: { status: 422, retryable: false },
  document_not_ready: { status: 409, retryable: false },
  document_busy: { status: 409, retryable: false },
  retry_cannot_help: { status: 409, retryable: false },
  // The colleague is not a member of the document's organisation, or their role cannot review it.
  assignee_not_eligible: { status: 422, retryable: false },

  // Stored files and their signed links.
  file_not_found: { status: 404, retryable: false },
  file_unreadable: { status: 400, retryable: false },
  file_url_expired: { status: 403, retryable: false },
  file_url_invalid: { status: 403, retryable: false },
  invalid_storage_key: { status: 400, retryable: false },

  // Reading a document (the worker stores these on the failed document).
  not_a_pdf: { status: 422, retryable: false },
  pdf_corrupt: { status: 422, retryable: false },
  pdf_encrypted: { status: 422, retryable: false },
  pdf_empty: { status: 422, retryable: false },
  pdf_timeout: { status: 422, retryable: false },
  page_render_timeout: { status: 422, retryable: false },
  page_range_invalid: { status: 422, retryable: false },
  too_many_pages: { status: 422, retryable: false },
  no_statement_pages: { status: 422, retryable: false },
  no_statement_found: { status: 422, retryable: false },
  file_missing: { status: 422, retryable: false },
  file_changed: { status: 422, retryable: false },
  time_budget_exceeded: { status: 422, retryable: false },
  ocr_timeout: { status: 422, retryable: false },
  ocr_failed: { status: 500, retryable: true },
  ocr_unavailable: { status: 503, retryable: true },
  ocr_closed: { status: 503, retryable: true },
  pipeline_thread_died: { status: 503, retryable: true },
  // Given after the last attempt, when no other reason is left to tell.
  processing_failed: { status: 400, retryable: false },

  // Corrections.
  unknown_period: { status: 400, retryable: false },
  unknown_item: { status: 400, retryable: false },
  key_not_in_statement: { status: 400, retryable: false },

  // Analysis input.
  invalid_statements: { status: 400, retryable: false },
  invalid_documents: { status: 400, retryable: false },
  invalid_alert_thresholds: { status: 400, retryable: false },

  // Reports and report e-mails.
  report_language_unsupported: { status: 400, retryable: false },
  report_without_statements: { status: 422, retryable: false },
  report_input_invalid: { status: 422, retryable: false },
  report_email_empty: { status: 400, retryable: false },
  report_too_large_for_email: { status: 413, retryable: false },
  recipients_invalid: { status: 400, retryable: false },
  recipients_required: { status: 400, retryable: false },
  recipients_too_many: { status: 400, retryable: false },
  email_rate_limited: { status: 429, retryable: false },
  mail_config_invalid: { status: 500, retryable: false },
  mail_send_failed: { status: 502, retryable: false },
  // The mail server was unreachable or busy for every attempt: a later try may get through.
  mail_unavailable: { status: 502, retryable: true },

  // Webhooks.
  webhook_url_insecure: { status: 400, retryable: false },
  webhook_url_credentials: { status: 400, retryable: false },
  webhook_url_private: { status: 400, retryable: false },
  webhook_url_invalid: { status: 400, retryable: false },
  webhook_limit: { status: 409, retryable: false },

  // API keys.
  api_key_invalid: { status: 401, retryable: false },
  api_key_revoked: { status: 401, retryable: false },
  // The member who made the key was deleted or left its organisation: it acts for nobody now.
  api_key_creator_gone: { status: 401, retryable: false },
  api_key_exceeds_creator: { status: 401, retryable: false },
  // Account, session and key management take a signed-in person: a key scripts documents.
  api_key_not_allowed: { status: 403, retryable: false },
  api_key_role_not_allowed: { status: 403, retryable: false },
  // Organisations, members and invitations.
  personal_organisation: { status: 409, retryable: false },
  last_owner: { status: 409, retryable: false },
  owner_only: { status: 403, retryable: false },
  client_companies_invalid: { status: 400, retryable: false },
  already_member: { status: 409, retryable: false },
  invitation_expired: { status: 410, retryable: false },
  invitation_revoked: { status: 410, retryable: false },
  invitation_declined: { status: 410, retryable: false },
  invitation_used: { status: 409, retryable: false },
  invitation_wrong_email: { status: 403, retryable: false },
} as const satisfies Record<string, { status: number; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}
