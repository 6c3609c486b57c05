import { RequireSignIn } from "../../components/auth/require-sign-in";
import { CompaniesScreen } from "../../components/companies/companies-screen";

export default function CompaniesPage() {
  return (
    <RequireSignIn>
      <CompaniesScreen />
    </RequireSignIn>
  );
}
