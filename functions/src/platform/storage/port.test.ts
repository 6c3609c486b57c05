import { describe, expect, it } from "vitest";
import { assertStorageKey, attachmentDisposition, mediaType } from "./port";

describe("storage keys and headers", () => {
  it("accepts path-like keys and refuses ones that could escape the root", () => {
    expect(() => assertStorageKey("documents/0b7e/Bilanco_2024.pdf")).not.toThrow();
    for (const key of ["", "../x", "a/../b", "/a", "a//b", "a/.hidden", "a\\b", "a b", "x".repeat(513)]) {
      expect(() => assertStorageKey(key), key).toThrow(
        expect.objectContaining({ code: "invalid_storage_key" }),
      );
    }
  });

  it("builds an attachment header with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition('Gelir Tablosu "2024" İş.xlsx')).toBe(
      "attachment; filename=\"Gelir Tablosu _2024_ __.xlsx\"; filename*=UTF-8''Gelir%20Tablosu%20%222024%22%20%C4%B0%C5%9F.xlsx",
    );
  });

  it("compares content types by media type only", () => {
    expect(mediaType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(mediaType(undefined)).toBe("");
  });
});
