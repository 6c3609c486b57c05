import type { Metadata } from "next";
import { RequireSignIn } from "../../components/auth/require-sign-in";
import { OrganisationScreen } from "../../components/organisation/organisation-screen";

export const metadata: Metadata = { title: "Organizasyon · Organisation" };

export default function OrganisationPage() {
  return (
    <RequireSignIn>
      <OrganisationScreen />
    </RequireSignIn>
  );
}
