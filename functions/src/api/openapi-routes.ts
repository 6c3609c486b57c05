import type { z } from "zod";
import { accountDeletion } from "../use-cases/account-data";
import { credentials, registration } from "../use-cases/accounts";
import { companyInput, companyPatch } from "../use-cases/companies";
import { valueCorrection } from "../use-cases/correction";
import { uploadRequest } from "../use-cases/document-upload";
import { documentFilter } from "../use-cases/documents";
import { emailRequest } from "../use-cases/email-report";
import { exportRequest } from "../use-cases/exports";
import { statementCurrency } from "../use-cases/statement-currency";
import { webhookInput } from "../use-cases/webhooks";

export interface Operation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  public?: boolean;
  responses?: Record<string, string>;
}

/** Every route of the API, with the same zod schemas the routes validate with. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Database, storage and queue checks",
    tag: "health",
    public: true,
  },
  { method: "get", path: "/api/openapi.json", summary: "This document", tag: "health", public: true },
  {
    method: "post",
    path: "/api/auth/register",
    summary: "Create an account (then log in); the same answer whether or not the address is taken",
    tag: "auth",
    body: registration,
    public: true,
    responses: { "202": "Received; no session" },
  },
  {
    method: "post",
    path: "/api/auth/login",
    summary: "Log in (throttled per account and address)",
    tag: "auth",
    body: credentials,
    public: true,
  },
  {
    method: "post",
    path: "/api/auth/refresh",
    summary: "Rotate the refresh token, new access cookie",
    tag: "auth",
    public: true,
  },
  {
    method: "post",
    path: "/api/auth/logout",
    summary: "Revoke the session and clear the cookies",
    tag: "auth",
    public: true,
  },
  { method: "get", path: "/api/auth/me", summary: "The signed-in user and the CSRF token", tag: "auth" },
  { method: "get", path: "/api/companies", summary: "List companies", tag: "companies" },
  {
    method: "post",
    path: "/api/companies",
    summary: "Create a company",
    tag: "companies",
    body: companyInput,
  },
  { method: "get", path: "/api/companies/{id}", summary: "Get a company", tag: "companies" },
  {
    method: "patch",
    path: "/api/companies/{id}",
    summary: "Update a company",
    tag: "companies",
    body: companyPatch,
  },
  {
    method: "delete",
    path: "/api/companies/{id}",
    summary: "Delete a company with its documents and files",
    tag: "companies",
  },
  {
    method: "get",
    path: "/api/companies/{id}/analysis",
    summary: "Timeline, ratios, comparison, trends, alerts, peers",
    tag: "results",
  },
  {
    method: "post",
    path: "/api/documents",
    summary: "Register an upload; returns the URL to PUT the PDF to",
    tag: "documents",
    body: uploadRequest,
  },
  {
    method: "get",
    path: "/api/documents",
    summary: "List documents (filters, paging)",
    tag: "documents",
    query: documentFilter,
  },
  {
    method: "get",
    path: "/api/documents/{id}",
    summary: "Status, stage, progress and error of a document",
    tag: "documents",
  },
  {
    method: "delete",
    path: "/api/documents/{id}",
    summary: "Delete a document, its results and files",
    tag: "documents",
  },
  {
    method: "post",
    path: "/api/documents/{id}/upload-url",
    summary: "A fresh upload URL for an unfinished upload",
    tag: "documents",
  },
  {
    method: "post",
    path: "/api/documents/{id}/complete",
    summary: "Verify the uploaded file and queue it",
    tag: "documents",
  },
  {
    method: "post",
    path: "/api/documents/{id}/retry",
    summary: "Process a failed or finished document again",
    tag: "documents",
  },
  {
    method: "post",
    path: "/api/documents/{id}/review",
    summary: "Mark the document as reviewed",
    tag: "documents",
  },
  {
    method: "get",
    path: "/api/documents/{id}/events",
    summary: "Server-sent events: progress, then done or failed",
    tag: "documents",
    responses: { "200": "text/event-stream" },
  },
  {
    method: "get",
    path: "/api/documents/{id}/pages/{n}",
    summary: "Rendered page image (PNG)",
    tag: "results",
    responses: { "200": "image/png" },
  },
  {
    method: "get",
    path: "/api/documents/{id}/statements",
    summary: "Statements read from the document",
    tag: "results",
  },
  {
    method: "patch",
    path: "/api/documents/{id}/statements/{statementId}/values",
    summary: "Correct one value; checks and analysis are recomputed",
    tag: "results",
    body: valueCorrection,
  },
  {
    method: "patch",
    path: "/api/documents/{id}/statements/{statementId}/currency",
    summary: "Set the statement's currency (ISO 4217); amounts are unchanged",
    tag: "results",
    body: statementCurrency,
  },
  {
    method: "get",
    path: "/api/documents/{id}/analysis",
    summary: "Ratios, comparison and alerts of the document",
    tag: "results",
  },
  {
    method: "post",
    path: "/api/documents/{id}/exports",
    summary: "Build an Excel or PDF report",
    tag: "exports",
    body: exportRequest,
  },
  {
    method: "post",
    path: "/api/documents/{id}/email",
    summary: "E-mail the reports",
    tag: "exports",
    body: emailRequest,
  },
  {
    method: "get",
    path: "/api/exports/{id}/download",
    summary: "Redirect to an expiring download URL (JSON with Accept: application/json)",
    tag: "exports",
    responses: { "302": "redirect" },
  },
  { method: "get", path: "/api/webhooks", summary: "List webhooks", tag: "webhooks" },
  {
    method: "post",
    path: "/api/webhooks",
    summary: "Register an HTTPS endpoint for document.done / document.failed",
    tag: "webhooks",
    body: webhookInput,
  },
  { method: "delete", path: "/api/webhooks/{id}", summary: "Delete a webhook", tag: "webhooks" },
  {
    method: "get",
    path: "/api/webhooks/{id}/deliveries",
    summary: "Delivery log of a webhook",
    tag: "webhooks",
  },
  {
    method: "get",
    path: "/api/account/export",
    summary: "All data stored about the user (KVKK/GDPR)",
    tag: "account",
  },
  {
    method: "delete",
    path: "/api/account",
    summary: "Delete the account and all its data (KVKK/GDPR)",
    tag: "account",
    body: accountDeletion,
  },
];
