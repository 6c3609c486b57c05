import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { auditAccessibility } from "./support/accessibility";
import { launchChromium, screenshot } from "./support/browser";
import { englishOnTurkishPage } from "./support/language";
import { ensureWebBuild, type RunningServer, startLocalServer } from "./support/local-server";
import { waitForText } from "./support/page-actions";

/**
 * An owner makes an API key in the browser, copies the secret the page shows once, scripts the
 * API with it (no cookie, no CSRF token), and revokes it, after which the script is refused.
 */
describe("API keys in Chromium against the embedded server", () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(line));
    dataDir = mkdtempSync(join(tmpdir(), "finstat-e2e-keys-"));
    server = await startLocalServer({ DATA_DIR: dataDir });
    browser = await launchChromium();
    context = await browser.newContext({ locale: "tr-TR", viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    page = await context.newPage();
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const script = (secret: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    });

  it("creates a key whose secret is shown once, scripts the API with it, and revokes it", async () => {
    const base = server.url;
    onTestFailed(() => screenshot(page, "failure-api-keys").then(() => undefined));
    await page.goto(`${base}/signup`);
    await page.fill("#fullName", "Ayşe Yılmaz");
    await page.fill("#email", "ayse.keys@example.com");
    await page.fill("#password", "defter-kebir-2024");
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/companies`);

    await page.click("header >> text=API anahtarları");
    await page.waitForURL(`${base}/organisation/api-keys`);
    await waitForText(page, "h1", "API anahtarları");
    await page.waitForSelector("text=Bu kuruluşun henüz API anahtarı yok.");

    await page.fill("#api-key-name", "Gece yüklemeleri");
    await page.selectOption("#api-key-role", "accountant");
    await page.click('button[type="submit"]');
    const shown = await page.waitForSelector('[data-testid="api-key-secret"]');
    const secret = (await shown.textContent())?.trim() ?? "";
    expect(secret).toMatch(/^fsk_[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent("body")).toContain("bir daha gösterilmeyecek");
    await page.click("button:has-text('Kopyala')");
    await page.waitForSelector("button:has-text('Kopyalandı')");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, "api-keys-created");
    expect(await auditAccessibility(page)).toEqual([]);
    expect(await englishOnTurkishPage(page)).toEqual([]);

    // The script: a company made with the key lands in the owner's organisation.
    const created = await script(secret, "/api/companies", {
      method: "POST",
      body: JSON.stringify({ name: "Betik Ticaret A.Ş.", currency: "TRY" }),
    });
    expect(created.status).toBe(201);
    const listed = (await (await script(secret, "/api/companies")).json()) as {
      companies: Array<{ name: string }>;
    };
    expect(listed.companies.map((company) => company.name)).toContain("Betik Ticaret A.Ş.");

    // Shown once: after a reload only its beginning is listed, with its last use.
    await page.reload();
    await page.waitForSelector("text=Gece yüklemeleri");
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("tr", { hasText: "Gece yüklemeleri" });
    expect(await row.textContent()).toContain(secret.slice(0, 12));
    expect(await row.textContent()).toContain("Muhasebeci");
    expect(await row.textContent()).not.toContain("Hiç");

    page.once("dialog", (dialog) => void dialog.accept());
    await row.locator("button:has-text('İptal et')").click();
    await page.waitForSelector("tr >> text=İptal edildi");
    const refused = await script(secret, "/api/companies");
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("api_key_revoked");
  });
});
