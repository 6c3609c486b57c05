import { RequireSignIn } from "../../components/auth/RequireSignIn";
import { CompaniesScreen } from "../../components/companies/CompaniesScreen";

export default function CompaniesPage() {
  return (
    <RequireSignIn>
      <CompaniesScreen />
    </RequireSignIn>
  );
}
