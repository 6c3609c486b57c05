import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const memory = { DATA_DIR: ":memory:" };

describe("loadConfig", () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it("gives the embedded shape when nothing is set", () => {
    const config = loadConfig(memory);
    expect(config).toMatchObject({
      PORT: 3000,
      STORAGE_DRIVER: "local",
      QUEUE_DRIVER: "local",
      VISION_MODE: "off",
      SECOND_READER: "off",
      MAIL_DRIVER: "outbox",
      PUBLIC_URL: "http://localhost:3000",
      WEB_ORIGIN: "http://localhost:3000",
      UPLOAD_MAX_BYTES: 25 * 1024 * 1024,
      MAX_PAGES: 50,
      OCR_DPI: 300,
      QUEUE_VISIBILITY_TIMEOUT_SECONDS: 900,
      QUEUE_MAX_ATTEMPTS: 3,
      DOCUMENT_TIME_BUDGET_SECONDS: 600,
      RATE_LIMIT_PER_HOUR: 1000,
      VISION_MODEL: "gpt-4.1",
      ALERT_CHANGE_PERCENT: 25,
      ALERT_MATERIALITY: 0.05,
      ALERT_CURRENT_RATIO: 1,
      ALERT_INTEREST_COVERAGE: 1.5,
      ALERT_DEBT_RATIO: 0.8,
      LOG_LEVEL: "info",
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.OCR_WORKERS).toBeGreaterThanOrEqual(1);
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("resolves DATA_DIR to an absolute path", () => {
    const config = loadConfig({ DATA_DIR: "relative-data", JWT_SECRET: "s".repeat(32) });
    expect(config.DATA_DIR).toBe(join(process.cwd(), "relative-data"));
  });

  it("treats empty strings as unset", () => {
    const config = loadConfig({ ...memory, PORT: "", S3_BUCKET: " ", OPENAI_API_KEY: "", SMTP_URL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.S3_BUCKET).toBeUndefined();
    expect(config.STORAGE_DRIVER).toBe("local");
    expect(config.VISION_MODE).toBe("off");
  });

  it("derives the drivers from the variables that need them", () => {
    const config = loadConfig({
      ...memory,
      S3_BUCKET: "uploads",
      QUEUE_URL: "https://sqs.eu-central-1.amazonaws.com/123/documents",
      OPENAI_API_KEY: "sk-test",
      SMTP_URL: "smtp://mail.example.com:587",
      PORT: "8080",
    });
    expect(config).toMatchObject({
      STORAGE_DRIVER: "s3",
      QUEUE_DRIVER: "sqs",
      VISION_MODE: "always",
      MAIL_DRIVER: "smtp",
      PUBLIC_URL: "http://localhost:8080",
    });
    expect(loadConfig({ ...memory, OPENAI_BASE_URL: "http://127.0.0.1:8000/v1" }).VISION_MODE).toBe("always");
    expect(loadConfig({ ...memory, OPENAI_API_KEY: "k", VISION_MODE: "fallback" }).VISION_MODE).toBe(
      "fallback",
    );
  });

  it("parses numbers and flags", () => {
    const config = loadConfig({
      ...memory,
      UPLOAD_MAX_BYTES: "1048576",
      S3_FORCE_PATH_STYLE: "true",
      ALERT_MATERIALITY: "0.1",
    });
    expect(config.UPLOAD_MAX_BYTES).toBe(1_048_576);
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(config.ALERT_MATERIALITY).toBe(0.1);
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["QUEUE_MAX_ATTEMPTS", { QUEUE_MAX_ATTEMPTS: "0" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/db" }],
    ["STORAGE_DRIVER", { STORAGE_DRIVER: "ftp" }],
    ["S3_BUCKET", { STORAGE_DRIVER: "s3" }],
    ["QUEUE_URL", { QUEUE_DRIVER: "sqs" }],
    ["VISION_MODE", { VISION_MODE: "always" }],
    ["SMTP_URL", { MAIL_DRIVER: "smtp" }],
    ["JWT_SECRET", { JWT_SECRET: "short" }],
    ["OCR_DPI", { OCR_DPI: "20" }],
  ])("names %s when its value is invalid", (variable, env) => {
    let failure: unknown;
    try {
      loadConfig({ ...memory, ...env });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe(variable);
    expect((failure as ConfigError).message).toContain(variable);
  });

  it.each([
    ["JWT_SECRET", "a-short-secret"],
    ["DATABASE_URL", "mysql://admin:hunter2-in-the-url@db.internal/finstat"],
    ["SMTP_URL", "http://mailer:smtp-password-9@mail.internal"],
    ["TRUSTED_PROXIES", "10.0.0.1, not-an-address-secret"],
  ])("names %s but never prints its value, which may be a secret", (variable, value) => {
    let failure: unknown;
    try {
      loadConfig({ ...memory, [variable]: value });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variable).toBe(variable);
    const message = (failure as ConfigError).message;
    expect(message).toContain(variable);
    for (const part of value.split(/[:/@,\s]+/).filter((p) => p.length > 5)) {
      expect(message).not.toContain(part);
    }
  });

  it("reads TRUSTED_PROXIES as a list of addresses and CIDR ranges, empty by default", () => {
    expect(loadConfig(memory).TRUSTED_PROXIES).toEqual([]);
    expect(
      loadConfig({ ...memory, TRUSTED_PROXIES: " 127.0.0.1 , 10.0.0.0/8,::1, fd00::/8" }).TRUSTED_PROXIES,
    ).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]);
    for (const invalid of ["10.0.0.0/33", "fd00::/129", "localhost", "10.0.0.1/"]) {
      expect(() => loadConfig({ ...memory, TRUSTED_PROXIES: invalid })).toThrow(ConfigError);
    }
  });

  it("keeps the generated session secret in DATA_DIR so restarts reuse it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "finstat-config-"));
    directories.push(dataDir);
    const first = loadConfig({ DATA_DIR: dataDir }).JWT_SECRET;
    const second = loadConfig({ DATA_DIR: dataDir }).JWT_SECRET;
    expect(second).toBe(first);
    expect(readFileSync(join(dataDir, "secret"), "utf8").trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: "e".repeat(40) }).JWT_SECRET).toBe("e".repeat(40));
  });

  it("runs the local second reader only when asked", () => {
    expect(loadConfig({ ...memory, SECOND_READER: "local" }).SECOND_READER).toBe("local");
    expect(loadConfig({ ...memory, SECOND_READER: "off" }).SECOND_READER).toBe("off");
    expect(() => loadConfig({ ...memory, SECOND_READER: "cloud" })).toThrow(ConfigError);
  });
});
