import { isValidVkn } from "@finstat/functions/use-cases/tax-id";
import type { Page } from "playwright-core";

/** The first valid VKN after a prefix: the form checks the check digit, as the API does. */
export function validVkn(prefix = "123456789"): string {
  for (let digit = 0; digit <= 9; digit++) if (isValidVkn(`${prefix}${digit}`)) return `${prefix}${digit}`;
  throw new Error("no check digit fits");
}

export async function waitForText(
  page: Page,
  selector: string,
  expected: string,
  timeout = 20_000,
): Promise<void> {
  await page.waitForFunction(
    ([sel, text]) => document.querySelector(sel as string)?.textContent?.trim() === text,
    [selector, expected],
    { timeout },
  );
}

/** Drops files on the upload area the way a browser does: a DataTransfer carrying File objects. */
export async function dropFiles(
  page: Page,
  files: Array<{ name: string; type: string; bytes: Uint8Array }>,
): Promise<void> {
  const payload = files.map((file) => ({ ...file, bytes: Buffer.from(file.bytes).toString("base64") }));
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.bytes), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    const zone = document.querySelector('[data-testid="dropzone"]');
    if (!zone) throw new Error("no drop zone");
    zone.dispatchEvent(new DragEvent("dragenter", { bubbles: true, dataTransfer: transfer }));
    zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
}

/** Picks one PDF through the upload area's file input, as the "Choose PDFs" button does. */
export async function choosePdf(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('input[type="file"]', {
    name,
    mimeType: "application/pdf",
    buffer: Buffer.from(bytes),
  });
}
