import { CompanyAnalysisScreen } from "../../../../components/analysis/company-analysis-screen";
import { RequireSignIn } from "../../../../components/auth/require-sign-in";

export default async function CompanyAnalysisPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  return (
    <RequireSignIn>
      <CompanyAnalysisScreen companyId={companyId} />
    </RequireSignIn>
  );
}
