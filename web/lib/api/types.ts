import type { InferResponseType } from "hono/client";
import type { api } from "./client";

/** Shapes as the browser receives them (JSON: dates are ISO strings), inferred from the API. */
type Api = ReturnType<typeof api>;

export type SessionUser = InferResponseType<Api["auth"]["me"]["$get"], 200>["user"];
export type Company = InferResponseType<Api["companies"]["$get"], 200>["companies"][number];
export type DocumentList = InferResponseType<Api["documents"]["$get"], 200>;
export type DocumentView = DocumentList["items"][number];
/** One document opened on its own: with what the caller may do there and whom they could assign. */
export type DocumentDetail = InferResponseType<Api["documents"][":id"]["$get"], 200>["document"];
export type Person = NonNullable<DocumentView["assignedTo"]>;
/** What the access policy lets the caller do on a company or document. */
export type Permission = DocumentDetail["permissions"][number];
export type DocumentHistory = InferResponseType<Api["documents"][":id"]["history"]["$get"], 200>;
export type HistoryEntry = DocumentHistory["entries"][number];
export type UploadTicket = InferResponseType<Api["documents"]["$post"], 201>;
export type DocumentStatements = InferResponseType<Api["documents"][":id"]["statements"]["$get"], 200>;
export type StatementView = DocumentStatements["statements"][number];
export type CorrectionResult = InferResponseType<
  Api["documents"][":id"]["statements"][":statementId"]["values"]["$patch"],
  200
>;
export type DocumentAnalysis = InferResponseType<
  Api["documents"][":id"]["analysis"]["$get"],
  200
>["analysis"];
export type CompanyAnalysis = InferResponseType<Api["companies"][":id"]["analysis"]["$get"], 200>["analysis"];
export type ExportCreated = InferResponseType<Api["documents"][":id"]["exports"]["$post"], 201>;
export type MadeReport = InferResponseType<
  Api["documents"][":id"]["exports"]["$get"],
  200
>["exports"][number];
export type EmailSent = InferResponseType<Api["documents"][":id"]["email"]["$post"], 202>;

export type DocumentStatus = DocumentView["status"];

/** The payload of the document's server-sent `progress`, `done` and `failed` events. */
export interface DocumentProgress {
  documentId: string;
  status: DocumentStatus;
  stage: string | null;
  progress: number;
  errorCode: string | null;
  errorMessage: string | null;
  pages: number | null;
}

type ApiKeysRoute = Api["organisations"][":organisationId"]["api-keys"];
export type ApiKeyView = InferResponseType<ApiKeysRoute["$get"], 200>["apiKeys"][number];
export type CreatedApiKey = InferResponseType<ApiKeysRoute["$post"], 201>["apiKey"];
export type OrganisationView = InferResponseType<Api["organisations"]["$get"], 200>["organisations"][number];
export type MemberView = InferResponseType<
  Api["organisations"][":organisationId"]["members"]["$get"],
  200
>["members"][number];
export type InvitationView = InferResponseType<
  Api["organisations"][":organisationId"]["invitations"]["$get"],
  200
>["invitations"][number];
export type InvitationPreview = InferResponseType<Api["invitations"][":token"]["$get"], 200>["invitation"];
