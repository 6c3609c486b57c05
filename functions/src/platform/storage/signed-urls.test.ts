import { describe, expect, it } from "vitest";
import { createUrlSigner, expiryFromNow } from "./signed-urls";

const signer = createUrlSigner("a-secret-of-at-least-thirty-two-characters");
const grant = {
  op: "put" as const,
  key: "documents/1/a.pdf",
  contentType: "application/pdf",
  maxBytes: 1000,
  exp: 2_000_000_000,
};

describe("signed file URLs", () => {
  it("round-trips a grant", () => {
    const token = signer.sign(grant);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(signer.verify(token, "put")).toEqual(grant);
  });

  it("rejects a token signed with another secret", () => {
    const forged = createUrlSigner("another-secret-of-thirty-two-characters!").sign(grant);
    expect(() => signer.verify(forged, "put")).toThrow(
      expect.objectContaining({ code: "file_url_invalid", status: 403 }),
    );
  });

  it("rejects a token whose grant was edited", () => {
    const [, mac] = signer.sign(grant).split(".");
    const widened = Buffer.from(JSON.stringify({ ...grant, maxBytes: 10 ** 9 })).toString("base64url");
    expect(() => signer.verify(`${widened}.${mac}`, "put")).toThrow(
      expect.objectContaining({ code: "file_url_invalid" }),
    );
    expect(() => signer.verify("garbage", "put")).toThrow(
      expect.objectContaining({ code: "file_url_invalid" }),
    );
  });

  it("rejects a download token used as an upload token", () => {
    const token = signer.sign({ op: "get", key: "a", fileName: "a.pdf", exp: grant.exp });
    expect(() => signer.verify(token, "put")).toThrow(expect.objectContaining({ code: "file_url_invalid" }));
  });

  it("rejects an expired token", () => {
    const token = signer.sign({ ...grant, exp: expiryFromNow(60, Date.parse("2025-01-01T00:00:00Z")) });
    expect(signer.verify(token, "put", new Date("2025-01-01T00:00:59Z")).key).toBe(grant.key);
    expect(() => signer.verify(token, "put", new Date("2025-01-01T00:01:01Z"))).toThrow(
      expect.objectContaining({ code: "file_url_expired", status: 403 }),
    );
  });
});
