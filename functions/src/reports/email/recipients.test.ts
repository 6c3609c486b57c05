import { describe, expect, it } from "vitest";
import { isEmailAddress, validateRecipients } from "./recipients";

describe("validateRecipients", () => {
  it("trims, lowercases the domain and drops duplicates, keeping the order", () => {
    expect(
      validateRecipients([" Ayse.Yilmaz@Firma.COM.tr", "muhasebe@firma.com.tr", "ayse.yilmaz@firma.com.tr"]),
    ).toEqual(["Ayse.Yilmaz@firma.com.tr", "muhasebe@firma.com.tr"]);
  });

  it("rejects malformed addresses and header injection, naming them", () => {
    expect(() => validateRecipients(["ok@firma.com", "not-an-address"])).toThrow(/not-an-address/);
    for (const bad of [
      "a@b",
      "a@@b.com",
      "a b@c.com",
      "a@b.com\r\nBcc: x@y.com",
      "<a@b.com>",
      ".a@b.com",
      "a@-b.com",
    ]) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
    try {
      validateRecipients(["x@y"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "recipients_invalid", status: 400, details: { invalid: ["x@y"] } });
    }
  });

  it("accepts internationalised domains", () => {
    expect(isEmailAddress("info@şirket.com.tr")).toBe(true);
    expect(isEmailAddress("info@xn--irket-ova.com.tr")).toBe(true);
  });

  it("needs at least one and at most the maximum", () => {
    expect(() => validateRecipients([])).toThrow(expect.objectContaining({ code: "recipients_required" }));
    const many = Array.from({ length: 11 }, (_, index) => `kisi${index}@firma.com`);
    expect(() => validateRecipients(many)).toThrow(expect.objectContaining({ code: "recipients_too_many" }));
    expect(validateRecipients(many.slice(0, 3), { max: 3 })).toHaveLength(3);
  });
});
