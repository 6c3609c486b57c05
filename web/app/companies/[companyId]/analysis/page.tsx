import { CompanyAnalysisScreen } from "../../../../components/analysis/CompanyAnalysisScreen";
import { RequireSignIn } from "../../../../components/auth/RequireSignIn";

export default async function CompanyAnalysisPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  return (
    <RequireSignIn>
      <CompanyAnalysisScreen companyId={companyId} />
    </RequireSignIn>
  );
}
