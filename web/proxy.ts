import { type NextRequest, NextResponse } from "next/server";

/**
 * A Content-Security-Policy with a fresh nonce for every page. Next.js streams inline scripts
 * (the React Server Components payload), so a static `script-src 'self'` would block the app and
 * `'unsafe-inline'` would allow any injected script: Next reads the nonce from the request's CSP
 * header and puts it on every script it renders. Every page is rendered per request already
 * (the root layout reads cookies and headers), which nonces need.
 *
 * Styles: Next's own inline styles carry the nonce; style attributes (a progress bar's width, a
 * page's zoom) are allowed with style-src-attr, which cannot run code. Uploads go to a presigned
 * URL: this origin in the embedded shape, S3 in AWS. The other headers (nosniff, referrer
 * policy, X-Frame-Options) are in next.config.ts, so static files get them too.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    options.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self' https://*.amazonaws.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (the embedded shape on a LAN address) an upgrade would break every asset.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (it sends its own, stricter policy), not static files.
      source: "/((?!api/|api$|_next/static|_next/image|icon\\.svg|favicon\\.ico).*)",
      // Prefetches of the RSC payload render no document.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
