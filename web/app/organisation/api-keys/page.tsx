import { ApiKeysScreen } from "../../../components/api-keys/api-keys-screen";
import { RequireSignIn } from "../../../components/auth/require-sign-in";

export default function ApiKeysPage() {
  return (
    <RequireSignIn>
      <ApiKeysScreen />
    </RequireSignIn>
  );
}
