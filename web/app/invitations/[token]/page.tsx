import type { Metadata } from "next";
import { InvitationScreen } from "../../../components/organisation/invitation-screen";

export const metadata: Metadata = { title: "Davet · Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationScreen token={token} />;
}
