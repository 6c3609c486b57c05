import { hc, type InferResponseType } from "hono/client";
import { describe, expect, it } from "vitest";
import type { AppType } from "./app";

/** The web codes against hc<AppType>: these paths must type-check and build the right URLs. */
describe("AppType", () => {
  const client = hc<AppType>("http://localhost:3000");

  it("types every resource's routes, with their path parameters", () => {
    const id = "5b9f5c1e-8f57-4c1a-9d8e-3f0c2a1b7e64";
    expect(client.api.documents[":id"].statements.$url({ param: { id } }).pathname).toBe(
      `/api/documents/${id}/statements`,
    );
    expect(
      client.api.documents[":id"].statements[":statementId"].values.$url({ param: { id, statementId: id } })
        .pathname,
    ).toBe(`/api/documents/${id}/statements/${id}/values`);
    expect(client.api.companies[":id"].analysis.$url({ param: { id } }).pathname).toBe(
      `/api/companies/${id}/analysis`,
    );
    expect(client.api.exports[":id"].download.$url({ param: { id } }).pathname).toBe(
      `/api/exports/${id}/download`,
    );
    expect(client.api.auth.login.$url().pathname).toBe("/api/auth/login");
    expect(client.api.webhooks[":id"].deliveries.$url({ param: { id } }).pathname).toBe(
      `/api/webhooks/${id}/deliveries`,
    );
    expect(client.api.health.$url().pathname).toBe("/api/health");
    expect(client.api["openapi.json"].$url().pathname).toBe("/api/openapi.json");
  });

  it("carries the request body types of the validators", () => {
    type Correction = Parameters<
      (typeof client.api.documents)[":id"]["statements"][":statementId"]["values"]["$patch"]
    >[0]["json"];
    const correction: Correction = { itemIndex: 2, period: "2024-12-31", value: 1500 };
    type Upload = Parameters<typeof client.api.documents.$post>[0]["json"];
    const upload: Upload = {
      companyId: "x",
      fileName: "a.pdf",
      contentType: "application/pdf",
      sizeBytes: 1,
      sha256: "0",
    };
    expect([correction.value, upload.sizeBytes]).toEqual([1500, 1]);
  });

  it("carries the use cases' answers as the response types (the routes declare them)", () => {
    type DocumentAnswer = InferResponseType<(typeof client.api.documents)[":id"]["$get"], 200>;
    const status: DocumentAnswer["document"]["status"] = "failed";
    type Companies = InferResponseType<typeof client.api.companies.$get, 200>["companies"];
    const names: Companies[number]["name"][] = ["Anadolu Gıda A.Ş."];
    // @ts-expect-error a document's status is one of its states, not any string
    const wrong: DocumentAnswer["document"]["status"] = "finished";
    expect([status, names.length, wrong]).toEqual(["failed", 1, "finished"]);
  });
});
