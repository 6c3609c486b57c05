"use client";

import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useSession } from "../../lib/session/session";
import { Loading } from "../ui/loading";

/** Renders its children for a signed-in user; sends anyone else to sign in and back here after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (status === "signedOut") router.replace(`/signin?next=${encodeURIComponent(pathname)}`);
  }, [status, router, pathname]);

  if (status !== "signedIn") return <Loading />;
  return <>{children}</>;
}
