import { describe, expect, it } from "vitest";
import { loadConfig } from "../platform/config";
import { embeddedWebhookPolicy, registerWebhook, type WebhookPolicy } from "./webhooks";

const actor = { userId: "00000000-0000-4000-8000-000000000001", ip: "203.0.113.1" };

/** Refusals happen before the database is touched, so none is needed. */
function register(url: string, webhookPolicy?: WebhookPolicy) {
  return registerWebhook({ db: undefined as never, webhookPolicy }, actor, {
    url,
    events: ["document.done"],
  });
}

describe("registerWebhook", () => {
  it("accepts only https to a public host by default (AWS)", async () => {
    await expect(register("http://hooks.example.com/x")).rejects.toMatchObject({
      code: "webhook_url_insecure",
      status: 400,
    });
    for (const url of [
      "https://198.18.0.1/x",
      "https://224.0.0.1/x",
      "https://240.0.0.1/x",
      "https://192.0.0.8/x",
      "https://[::7f00:1]/x",
      "https://[64:ff9b::a00:1]/x",
      "https://[2002:a9fe:a9fe::]/x",
      "https://[ff02::1]/x",
      "https://metadata.google.internal/x",
    ]) {
      await expect(register(url), url).rejects.toMatchObject({ code: "webhook_url_private", status: 400 });
    }
  });

  it("refuses credentials in the URL whatever the policy", async () => {
    await expect(
      register("https://u:p@hooks.example.com/x", { allowHttp: true, allowPrivateNetworks: true }),
    ).rejects.toMatchObject({ code: "webhook_url_credentials" });
  });

  it("lets the embedded shape use http, but private targets only with WEBHOOK_ALLOW_PRIVATE", async () => {
    const closed = embeddedWebhookPolicy(loadConfig({ DATA_DIR: ":memory:" }));
    expect(closed).toEqual({ allowHttp: true, allowPrivateNetworks: false });
    await expect(register("http://127.0.0.1:9000/x", closed)).rejects.toMatchObject({
      code: "webhook_url_private",
    });
    await expect(register("http://localhost:9000/x", closed)).rejects.toMatchObject({
      code: "webhook_url_private",
    });

    const open = embeddedWebhookPolicy(loadConfig({ DATA_DIR: ":memory:", WEBHOOK_ALLOW_PRIVATE: "true" }));
    expect(open).toEqual({ allowHttp: true, allowPrivateNetworks: true });
    // Past the URL checks, the use case reaches for the (absent) database.
    await expect(register("http://127.0.0.1:9000/x", open)).rejects.toBeInstanceOf(TypeError);
  });
});
