import { describe, expect, it } from "vitest";
import {
  environmentFromLinks,
  isSstRuntime,
  loadDeployedConfig,
  readSstResources,
  SST_LINK_NAMES,
} from "./sst-resources";

describe("SST links", () => {
  it("maps each link the infrastructure defines to the variable config reads", () => {
    const env = environmentFromLinks({
      Uploads: { name: "finstat-uploads-abc" },
      DocumentQueue: { url: "https://sqs.eu-central-1.amazonaws.com/1/documents" },
      DatabaseUrl: { value: "postgres://u:p@db:5432/finstat" },
      OpenaiApiKey: { value: "sk-live" },
      JwtSecret: { value: "j".repeat(48) },
      Mailer: { sender: "rapor@finstat.example" },
    });
    expect(env).toEqual({
      S3_BUCKET: "finstat-uploads-abc",
      QUEUE_URL: "https://sqs.eu-central-1.amazonaws.com/1/documents",
      DATABASE_URL: "postgres://u:p@db:5432/finstat",
      OPENAI_API_KEY: "sk-live",
      JWT_SECRET: "j".repeat(48),
      MAIL_FROM: "rapor@finstat.example",
      MAIL_DRIVER: "ses",
    });
    expect(SST_LINK_NAMES).toEqual([
      "Uploads",
      "DocumentQueue",
      "DatabaseUrl",
      "OpenaiApiKey",
      "JwtSecret",
      "Mailer",
    ]);
  });

  it("skips links a function was not given, even when the proxy throws for them", () => {
    const proxy = new Proxy(
      { DatabaseUrl: { value: "postgres://db/x" } } as Record<string, Record<string, unknown>>,
      {
        get(target, property: string) {
          if (!(property in target)) throw new Error(`"${property}" is not linked`);
          return target[property];
        },
      },
    );
    expect(environmentFromLinks(proxy)).toEqual({ DATABASE_URL: "postgres://db/x" });
  });

  it("recognises the SST runtime only by SST's own variables", () => {
    expect(isSstRuntime({})).toBe(false);
    expect(isSstRuntime({ SST_RESOURCE_App: '{"name":"finstat","stage":"prod"}' })).toBe(true);
    expect(isSstRuntime({ SST_KEY_FILE: "/var/task/resource.enc" })).toBe(true);
  });

  it("reads nothing outside AWS, and lets set variables win", () => {
    expect(readSstResources()).toEqual({});
    const config = loadDeployedConfig({ DATA_DIR: ":memory:", PORT: "4100", S3_BUCKET: "" });
    expect(config.PORT).toBe(4100);
    expect(config.STORAGE_DRIVER).toBe("local");
  });
});
