import { RequireSignIn } from "../../../components/auth/RequireSignIn";
import { CompanyScreen } from "../../../components/companies/CompanyScreen";

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  return (
    <RequireSignIn>
      <CompanyScreen companyId={companyId} />
    </RequireSignIn>
  );
}
