import type { ReactNode } from "react";
import { RequireSignIn } from "../../../components/auth/require-sign-in";
import { DocumentShell } from "../../../components/documents/document-shell";

export default async function DocumentLayout({
  params,
  children,
}: {
  params: Promise<{ documentId: string }>;
  children: ReactNode;
}) {
  const { documentId } = await params;
  return (
    <RequireSignIn>
      <DocumentShell documentId={documentId}>{children}</DocumentShell>
    </RequireSignIn>
  );
}
