import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "../components/layout/providers";
import { SiteHeader } from "../components/layout/site-header";
import { LANGUAGE_COOKIE, type Language, parseLanguage } from "../lib/i18n/languages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Finstat", template: "%s · Finstat" },
  description: "Financial statements read, checked and analysed.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b3d6e" };

/** The chosen language (cookie), else the browser's first preference between Turkish and English. */
async function requestLanguage(): Promise<Language> {
  const chosen = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (chosen) return parseLanguage(chosen);
  const accepted = (await headers()).get("accept-language") ?? "";
  const first = accepted
    .split(",")
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === "tr" || code === "en");
  return parseLanguage(first);
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await requestLanguage();
  return (
    <html lang={language}>
      <body>
        <Providers language={language}>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
