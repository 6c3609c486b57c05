"use client";

import { useEffect } from "react";

/** Tabs and screen readers announce the page by its title, so each screen names itself. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Finstat`;
  }, [title]);
}
