import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium, SCREENSHOTS, screenshot } from "./support/browser";
import { ensureWebBuild, type RunningServer, startLocalServer } from "./support/local-server";
import { validVkn } from "./support/page-actions";

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe("the web app's security headers, in Chromium against the embedded server", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** CSP violations the pages report (securitypolicyviolation events and console errors). */
  const violations: string[] = [];

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(line));
    dataDir = mkdtempSync(join(tmpdir(), "finstat-csp-"));
    server = await startLocalServer({ DATA_DIR: dataDir });
    browser = await launchChromium();
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const page = window as unknown as { __csp?: string[] };
        page.__csp = page.__csp ?? [];
        page.__csp.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
        violations.push(message.text());
      }
    });
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (server) writeFileSync(join(SCREENSHOTS, "..", "e2e-csp-server.log"), server.output());
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends a nonce-based CSP, frame-ancestors 'none', nosniff and a referrer policy on every page", async () => {
    const first = await fetch(`${server.url}/signin`);
    const second = await fetch(`${server.url}/signin`);
    const policy = first.headers.get("content-security-policy") ?? "";
    const csp = directives(policy);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts.join(" ")).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
    // A fresh nonce for every response.
    expect(second.headers.get("content-security-policy")).not.toBe(policy);

    // Every script in the page carries it, or the browser would not run the app.
    const html = await first.text();
    const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

    for (const response of [first, await fetch(`${server.url}/companies`)]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    // Static assets are not pages, but are still not to be sniffed.
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(`${server.url}${asset}`)).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("runs the app under that policy: sign up, sign in, create a company, with no violation", async () => {
    onTestFailed(() => screenshot(page, "failure-csp").then(() => undefined));
    const base = server.url;
    await page.goto(`${base}/signup`);
    await page.fill("#fullName", "Csp Tester");
    await page.fill("#email", "csp@example.com");
    await page.fill("#password", "a long enough password");
    const registered = page.waitForResponse((response) => response.url().endsWith("/api/auth/register"));
    await page.click('button[type="submit"]');
    expect((await registered).status()).toBeLessThan(300);
    await page.waitForTimeout(1000);
    if (!page.url().endsWith("/companies")) {
      await page.goto(`${base}/signin`);
      await page.fill("#email", "csp@example.com");
      await page.fill("#password", "a long enough password");
      await page.click('button[type="submit"]');
    }
    await page.waitForURL(`${base}/companies`);
    await page.fill("#company-name", "Politika Ltd");
    await page.fill("#company-tax-id", validVkn());
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    await page.waitForSelector("h1:has-text('Politika Ltd')");
    // A full reload of a dynamic page, then client-side navigation back.
    await page.reload();
    await page.waitForSelector("h1:has-text('Politika Ltd')");
    await page.goBack();
    await page.waitForURL(`${base}/companies`);

    const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([...violations, ...reported]).toEqual([]);
  });

  it("blocks injected markup's inline script, and says so", async () => {
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/nowhere.png" onerror="window.__injected = 1">',
      );
    });
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).toBeUndefined();
    const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(reported.join("\n")).toMatch(/script-src/);
  });

  it("cannot be framed", async () => {
    const framing = await context.newPage();
    const refused: string[] = [];
    framing.on("console", (message) => refused.push(message.text()));
    await framing.setContent(`<iframe id="app" src="${server.url}/signin"></iframe>`);
    await framing.waitForTimeout(1500);
    const frame = framing.frames().find((candidate) => candidate.url().startsWith(server.url));
    const content = frame ? await frame.content().catch(() => "") : "";
    expect(content).not.toContain("<form");
    expect(refused.join("\n")).toMatch(/frame-ancestors|X-Frame-Options/);
    await framing.close();
  });
});
