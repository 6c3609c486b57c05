import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium, SCREENSHOTS, screenshot } from "./support/browser";
import { ensureWebBuild, type RunningServer, startLocalServer } from "./support/local-server";
import { choosePdf } from "./support/page-actions";
import { type SmtpInbox, startSmtpInbox } from "./support/smtp-inbox";
import { statementPdf } from "./support/statement-pdf";

const PASSWORD = "yevmiye-defteri-2025";

/**
 * A firm at work: the owner invites an accountant and a client by e-mail; each opens the link
 * from the mail, signs up with the invited address and accepts. The accountant uploads and
 * corrects; the client uploads to its own company and cannot even see the other one.
 */
describe("teams in Chromium against the embedded server", () => {
  let dataDir: string;
  let inbox: SmtpInbox;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(line));
    dataDir = mkdtempSync(join(tmpdir(), "finstat-teams-"));
    inbox = await startSmtpInbox();
    server = await startLocalServer({ DATA_DIR: dataDir, SMTP_URL: inbox.url });
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    if (server) writeFileSync(join(SCREENSHOTS, "..", "e2e-teams-server.log"), server.output());
    await inbox?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** One person: their own browser context, as if on their own computer. */
  async function person(): Promise<Page> {
    const context = await browser.newContext({ locale: "tr-TR", viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signUp(page: Page, fullName: string, email: string) {
    await page.fill("#fullName", fullName);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click('button[type="submit"]');
  }

  async function createCompany(page: Page, name: string): Promise<string> {
    await page.goto(`${server.url}/companies`);
    await page.fill("#company-name", name);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    return page.url();
  }

  async function invite(owner: Page, email: string, role: string, companies: string[] = []) {
    await owner.goto(`${server.url}/organisation`);
    await owner.fill("#invite-email", email);
    await owner.selectOption("#invite-role", role);
    for (const company of companies) await owner.check(`label.checkbox:has-text("${company}") input`);
    await owner.click('form:has(#invite-email) button[type="submit"]');
    await owner.waitForSelector(`text=${email} adresine davet gönderildi.`);
    const mail = await inbox.waitForMessage((message) => sentTo(message, email));
    const link = /(http\S+\/invitations\/[\w-]+)/.exec(mail.text ?? "")?.[1];
    expect(link?.startsWith(`${server.url}/invitations/`)).toBe(true);
    return link!;
  }

  /** Opens the mailed link, signs up with the invited address from there, comes back and accepts. */
  async function accept(page: Page, link: string, fullName: string, email: string) {
    await page.goto(link);
    await page.waitForSelector(`text=Davet ${email} adresine gönderildi.`);
    await page.click('.panel a:has-text("Kayıt ol")');
    await signUp(page, fullName, email);
    await page.waitForURL(link);
    await page.click('button:has-text("Kabul et")');
    await page.waitForSelector("text=organizasyonuna katıldınız");
    await page.click('a:has-text("Şirketlere git")');
    await page.waitForURL(`${server.url}/companies`);
  }

  async function upload(page: Page, companyUrl: string, name: string, bytes: Uint8Array) {
    await page.goto(companyUrl);
    await choosePdf(page, name, bytes);
    await page.waitForSelector(`tr[data-status="done"]:has-text("${name}")`, { timeout: 120_000 });
  }

  it("lets an invited accountant correct and an invited client upload to its own company only", async () => {
    const owner = await person();
    onTestFailed(() => screenshot(owner, "failure-teams-owner").then(() => undefined));
    await owner.goto(`${server.url}/signup`);
    await signUp(owner, "Deniz Kaya", "deniz@example.com");
    await owner.waitForURL(`${server.url}/companies`);
    const alfaUrl = await createCompany(owner, "Alfa Gıda A.Ş.");
    const betaUrl = await createCompany(owner, "Beta Tekstil Ltd.");

    // The accountant: invited by mail, joins, uploads to Alfa and corrects a misprinted value.
    const accountantLink = await invite(owner, "selin@example.com", "accountant");
    const accountant = await person();
    onTestFailed(() => screenshot(accountant, "failure-teams-accountant").then(() => undefined));
    await accept(accountant, accountantLink, "Selin Demir", "selin@example.com");
    await accountant.waitForSelector('a:has-text("Alfa Gıda A.Ş.")');
    expect(await accountant.locator('a:has-text("Beta Tekstil Ltd.")').count()).toBe(1);
    await upload(accountant, alfaUrl, "alfa-2024.pdf", await statementPdf({ inventoriesMisprint: 600_000 }));
    const row = accountant.locator('tr[data-document-id]:has-text("alfa-2024.pdf")');
    await accountant.goto(`${server.url}${await row.locator("a").first().getAttribute("href")}`);
    const inventories = accountant.locator('input[data-key="inventories"][data-period="2024-12-31"]');
    await inventories.waitFor();
    await inventories.focus();
    await accountant.keyboard.type("500.000");
    await accountant.keyboard.press("Enter");
    await accountant.waitForSelector("text=Kaydedildi: Stoklar (31.12.2024) 600.000 → 500.000");
    await screenshot(accountant, "teams-01-accountant-corrected");

    // The members page shows the accountant with their role.
    await owner.goto(`${server.url}/organisation`);
    await owner.waitForSelector('tr:has-text("selin@example.com") select');
    expect(await owner.inputValue('tr:has-text("selin@example.com") select')).toBe("accountant");

    // The client: invited for Alfa alone, uploads there and cannot see Beta.
    const clientLink = await invite(owner, "mert@alfa.example.com", "client", ["Alfa Gıda A.Ş."]);
    await screenshot(owner, "teams-02-members");
    const client = await person();
    onTestFailed(() => screenshot(client, "failure-teams-client").then(() => undefined));
    await accept(client, clientLink, "Mert Alfa", "mert@alfa.example.com");
    await client.waitForSelector('a:has-text("Alfa Gıda A.Ş.")');
    expect(await client.locator('a:has-text("Beta Tekstil Ltd.")').count()).toBe(0);
    await upload(client, alfaUrl, "alfa-musteri.pdf", await statementPdf({ inventoriesMisprint: 550_000 }));
    await client.goto(betaUrl);
    await client.waitForSelector("text=Aradığınız kayıt bulunamadı");
    expect(await client.locator("text=Beta Tekstil Ltd.").count()).toBe(0);
    await screenshot(client, "teams-03-client-not-found");
  });
});

function sentTo(message: { to?: unknown }, email: string): boolean {
  const to = message.to as
    | { value?: Array<{ address?: string }> }
    | Array<{ value?: Array<{ address?: string }> }>;
  const groups = Array.isArray(to) ? to : to ? [to] : [];
  return groups.some((group) => group.value?.some((entry) => entry.address === email));
}
