import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "../support/databases";
import { openTestApi, type TestApi } from "./support/harness";

describe.each(databaseTargets())("control characters and what the logs keep on $name", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(target);
  });
  afterAll(() => api.close());

  it("refuses a NUL in a name with a 400 and logs neither the e-mail nor the password hash", async () => {
    const email = "nul-in-name@example.com";
    const response = await api.client().post("/api/auth/register", {
      email,
      password: "a long enough password",
      fullName: "Ayşe\u0000Yılmaz",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toContain("fullName");
    expect(response.body.error.message).toContain("U+0000");
    const logs = api.logs.join("");
    expect(logs).not.toContain(email);
    expect(logs).not.toContain("scrypt");
    expect(logs).not.toMatch(/"level":"error"/);
  });

  it("refuses control characters and line breaks in a company name, and a NUL in a query string", async () => {
    const browser = api.client();
    await browser.signUp("hygiene@example.com");
    const company = await browser.post("/api/companies", { name: "Acme\u0000 Ltd", currency: "USD" });
    expect(company.status).toBe(400);
    expect((await browser.post("/api/companies", { name: "Acme\nLtd", currency: "USD" })).status).toBe(400);
    expect((await browser.post("/api/companies", { name: "Acme Ltd", currency: "USD" })).status).toBe(201);
    const listed = await browser.get("/api/documents?companyId=%00");
    expect(listed.status).toBe(400);
  });

  it("keeps signed file tokens out of the request log", async () => {
    const presigned = await api.storage.presignUpload("uploads/x.pdf", "application/pdf", 100, 60);
    const token = presigned.url.split("/upload/")[1]!;
    await api.client().raw(presigned.url, { method: "PUT", headers: presigned.headers, body: "%PDF-1.7" });
    const logs = api.logs.join("");
    expect(logs).toContain("/api/files/upload/[redacted]");
    expect(logs).not.toContain(token);
  });
});
