/**
 * What differs between stages. Production keeps its own database in a VPC; every other stage
 * (previews, personal stages) points at an external Postgres URL so it needs no NAT or RDS.
 * Any value can be overridden at deploy time with a FINSTAT_* variable, which is how CI passes
 * the web domain and the e-mail sender without committing them.
 */

export type DatabaseMode = "postgres" | "url";

export interface StageSettings {
  /** `postgres`: sst.aws.Postgres in a VPC behind RDS Proxy. `url`: the `DatabaseUrl` secret. */
  database: DatabaseMode;
  /** NAT for the VPC the functions share with the database; `ec2` costs a few dollars a month. */
  nat: "ec2" | "managed";
  /** Custom domain for the web app (a Route 53 hosted zone must exist for it). */
  webDomain?: string;
  /**
   * The browser origin the API must accept. Derived from `webDomain`; without a domain the
   * CloudFront URL is only known after the first deploy, so set FINSTAT_WEB_ORIGIN to it then.
   */
  webOrigin?: string;
  /** Extra origins allowed to PUT uploads straight to S3 (local web dev). */
  developmentOrigins: string[];
  /** Raw uploads under `uploads/` are deleted after this many days. */
  uploadRetentionDays: number;
  /** Caps the worker pool so a burst cannot exhaust the database or the model quota. */
  workerReservedConcurrency?: number;
  /** An address (reports@domain) so Resource.Mailer.sender is usable as the From header. */
  emailSender: string;
  /** Receives alarm notifications when set. */
  alarmEmail?: string;
  architecture: "arm64" | "x86_64";
}

const production: StageSettings = {
  database: "postgres",
  nat: "ec2",
  developmentOrigins: [],
  uploadRetentionDays: 30,
  workerReservedConcurrency: 10,
  emailSender: "",
  architecture: "arm64",
};

const preview: StageSettings = {
  database: "url",
  nat: "ec2",
  developmentOrigins: ["http://localhost:3000", "http://localhost:3001"],
  uploadRetentionDays: 7,
  workerReservedConcurrency: 2,
  emailSender: "finstat-preview@example.com",
  architecture: "arm64",
};

export function stageSettings(stage: string, env: Record<string, string | undefined>): StageSettings {
  const base = stage === "production" ? production : preview;
  const webDomain = text(env.FINSTAT_WEB_DOMAIN) ?? base.webDomain;
  const settings: StageSettings = {
    ...base,
    database: databaseMode(env.FINSTAT_DATABASE) ?? base.database,
    webDomain,
    webOrigin: origin(env.FINSTAT_WEB_ORIGIN) ?? (webDomain ? `https://${webDomain}` : base.webOrigin),
    uploadRetentionDays: wholeNumber("FINSTAT_UPLOAD_RETENTION_DAYS", env) ?? base.uploadRetentionDays,
    workerReservedConcurrency:
      wholeNumber("FINSTAT_WORKER_CONCURRENCY", env) ?? base.workerReservedConcurrency,
    emailSender: text(env.FINSTAT_EMAIL_SENDER) ?? base.emailSender,
    alarmEmail: text(env.FINSTAT_ALARM_EMAIL) ?? base.alarmEmail,
  };
  if (!settings.emailSender.includes("@")) {
    throw new Error(
      `Stage "${stage}" needs FINSTAT_EMAIL_SENDER set to the address reports are sent from (e.g. reports@your-domain.com).`,
    );
  }
  return settings;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function databaseMode(value: string | undefined): DatabaseMode | undefined {
  const mode = text(value);
  if (mode === undefined) return undefined;
  if (mode === "postgres" || mode === "url") return mode;
  throw new Error(`FINSTAT_DATABASE must be "postgres" or "url", got "${mode}".`);
}

function origin(value: string | undefined): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new Error(
      `FINSTAT_WEB_ORIGIN must be an http(s) origin such as https://d1234.cloudfront.net, got "${raw}".`,
    );
  }
  return parsed.origin;
}

function wholeNumber(name: string, env: Record<string, string | undefined>): number | undefined {
  const raw = text(env[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  return value;
}
