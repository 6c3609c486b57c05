import { RequireSignIn } from "../../../components/auth/require-sign-in";
import { CompanyScreen } from "../../../components/companies/company-screen";

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  return (
    <RequireSignIn>
      <CompanyScreen companyId={companyId} />
    </RequireSignIn>
  );
}
