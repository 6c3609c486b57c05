import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("password hashes", () => {
  it("verifies the right password only, with a fresh salt every time", async () => {
    const first = await hashPassword("Şifre-çok-güçlü 2025");
    const second = await hashPassword("Şifre-çok-güçlü 2025");
    expect(first).not.toBe(second);
    expect(await verifyPassword("Şifre-çok-güçlü 2025", first)).toBe(true);
    expect(await verifyPassword("şifre-çok-güçlü 2025", first)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});
