/**
 * The Next.js app. The browser talks to the API directly, so its URL is baked into the client
 * bundle; the link also lets server components read Resource.Api.url.
 */
export function createWeb(api: { url: unknown }, webDomain: string | undefined) {
  return new sst.aws.Nextjs("Web", {
    path: "web",
    link: [api],
    environment: { NEXT_PUBLIC_API_URL: api.url },
    ...(webDomain ? { domain: webDomain } : {}),
  });
}
