import { beforeAll, describe, expect, it } from "vitest";
import {
  functionNamed,
  functionsOf,
  productionEnv,
  type RecordedDeployment,
  recordDeployment,
} from "./recorded-deployment";
import { durationSeconds, linkNames, plain, type RecordedOutput } from "./sst-recorder";

/**
 * Offline contract for the resources themselves: queue and dead-letter queue, worker sizing,
 * bucket privacy and CORS, both database modes, web, e-mail, secrets and alarms.
 */

let production: RecordedDeployment;
let preview: RecordedDeployment;

beforeAll(async () => {
  production = await recordDeployment("production", productionEnv);
  preview = await recordDeployment("pr-42");
});

describe("document queue and worker", () => {
  it("visibility is at least six times the worker time-out and failures go to the DLQ after 3 receives", () => {
    const queue = production.recorder.get("sst.aws.Queue", "DocumentQueue").args;
    const deadLetterQueue = production.recorder.get("sst.aws.Queue", "DocumentDeadLetterQueue");
    const worker = functionNamed(production, "DocumentWorker").args;
    expect(durationSeconds(queue.visibilityTimeout)).toBeGreaterThanOrEqual(
      6 * durationSeconds(worker.timeout),
    );
    expect(queue.dlq.queue).toBe((deadLetterQueue.instance as { arn: unknown }).arn);
    expect(queue.dlq.retry).toBe(3);
    expect(worker.environment.QUEUE_MAX_ATTEMPTS).toBe(String(queue.dlq.retry));
    expect(worker.environment.QUEUE_VISIBILITY_TIMEOUT_SECONDS).toBe(
      String(durationSeconds(queue.visibilityTimeout)),
    );
  });

  it("the worker subscribes with small batches and partial batch responses", () => {
    const worker = functionNamed(production, "DocumentWorker");
    expect(production.recorder.subscriptions).toHaveLength(1);
    const [subscription] = production.recorder.subscriptions;
    expect(subscription!.queue).toBe("DocumentQueue");
    expect(subscription!.subscriber).toBe((worker.instance as { arn: unknown }).arn);
    expect(subscription!.args.batch.size).toBeLessThanOrEqual(2);
    expect(subscription!.args.batch.partialResponses).toBe(true);
    expect(linkNames(production.recorder, worker.args.link)).toContain("DocumentQueue");
  });

  it("the document time budget leaves the worker time to record a failure", () => {
    const worker = functionNamed(production, "DocumentWorker").args;
    const budget = Number(worker.environment.DOCUMENT_TIME_BUDGET_SECONDS);
    expect(budget).toBeGreaterThanOrEqual(60);
    expect(budget).toBeLessThan(durationSeconds(worker.timeout));
    expect(worker.environment.DATA_DIR).toMatch(/^\/tmp\//);
  });

  it("ships tesseract language data and takes reserved concurrency from the stage settings", async () => {
    const worker = functionNamed(production, "DocumentWorker").args;
    const copied = worker.copyFiles.map((entry: { from: string }) => entry.from);
    expect(copied).toEqual(
      expect.arrayContaining(["node_modules/@tesseract.js-data/tur", "node_modules/@tesseract.js-data/eng"]),
    );
    expect(worker.concurrency.reserved).toBe(10);
    const tuned = await recordDeployment("production", {
      FINSTAT_EMAIL_SENDER: "a@b.example",
      FINSTAT_WORKER_CONCURRENCY: "4",
    });
    expect(functionNamed(tuned, "DocumentWorker").args.concurrency.reserved).toBe(4);
  });
});

describe("uploads bucket", () => {
  it("is private, versioned, and expires raw uploads after the configured days", async () => {
    const bucket = production.recorder.get("sst.aws.Bucket", "Uploads").args;
    expect(bucket.access).toBeUndefined();
    expect(bucket.public).not.toBe(true);
    expect(bucket.policy).toBeUndefined();
    expect(bucket.transform?.publicAccessBlock).not.toBe(false);
    expect(bucket.versioning).toBe(true);
    expect(bucket.lifecycle).toEqual([expect.objectContaining({ prefix: "uploads/", expiresIn: "30 days" })]);
    const rules = { rules: [{ id: "expire-raw-uploads", expiration: { days: 30 } }] };
    bucket.transform.lifecycle(rules);
    expect(rules.rules[0]).toMatchObject({ noncurrentVersionExpiration: { noncurrentDays: 1 } });
    const shorter = await recordDeployment("production", {
      FINSTAT_EMAIL_SENDER: "a@b.example",
      FINSTAT_UPLOAD_RETENTION_DAYS: "3",
    });
    expect(shorter.recorder.get("sst.aws.Bucket", "Uploads").args.lifecycle[0].expiresIn).toBe("3 days");
  });

  it("allows presigned PUT from the web app's origin", () => {
    expect(production.recorder.get("sst.aws.Bucket", "Uploads").args.cors).toBe(false);
    const [cors] = production.recorder.all("aws.s3.BucketCorsConfiguration");
    const web = production.recorder.get("sst.aws.Nextjs", "Web").instance as { url: RecordedOutput };
    expect(plain(cors!.args.bucket)).toBe("<Uploads.name>");
    expect(cors!.args.corsRules[0].allowedMethods).toContain("PUT");
    expect(cors!.args.corsRules[0].allowedOrigins).toContain(web.url);
    expect(cors!.args.corsRules[0].allowedOrigins).not.toContain("*");
  });
});

describe("database", () => {
  it("production runs Postgres in a VPC behind a proxy and passes its URL as DatabaseUrl", () => {
    const postgres = production.recorder.get("sst.aws.Postgres", "Database").args;
    const vpc = production.recorder.get("sst.aws.Vpc", "Vpc").instance;
    expect(postgres.proxy).toBe(true);
    expect(postgres.vpc).toBe(vpc);
    const url = plain(production.recorder.get("sst.Linkable", "DatabaseUrl").args.properties.value);
    expect(url).toBe(
      "postgres://<Database.username>:%3CDatabase.password%3E@<Database.host>:<Database.port>/<Database.database>?sslmode=verify-full",
    );
    for (const { args } of functionsOf(production)) expect(args.vpc).toBe(vpc);
  });

  it("other stages read an external URL from the DatabaseUrl secret and stay out of a VPC", () => {
    expect(preview.recorder.get("sst.Secret", "DatabaseUrl").args.placeholder).toBeUndefined();
    expect(preview.recorder.all("sst.aws.Postgres")).toEqual([]);
    expect(preview.recorder.all("sst.aws.Vpc")).toEqual([]);
    for (const { args } of functionsOf(preview)) expect(args.vpc).toBeUndefined();
  });

  it("runs the migrator on deploy, again whenever the migrations change", () => {
    const migrator = functionNamed(production, "DatabaseMigrator");
    const [invocation] = production.recorder.all("aws.lambda.Invocation");
    expect(invocation!.args.functionName).toBe((migrator.instance as { name: unknown }).name);
    expect(invocation!.args.triggers.migrationsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(linkNames(production.recorder, migrator.args.link)).toContain("DatabaseUrl");
  });
});

describe("web, e-mail, secrets and alarms", () => {
  it("the Next.js app in web/ is linked to the API and given its URL", () => {
    const web = production.recorder.get("sst.aws.Nextjs", "Web").args;
    const api = functionNamed(production, "Api");
    expect(web.path).toBe("web");
    expect(linkNames(production.recorder, web.link)).toContain("Api");
    expect(web.environment.NEXT_PUBLIC_API_URL).toBe((api.instance as { url: unknown }).url);
    expect(api.args.url).toBeTruthy();
  });

  it("e-mail sends from the stage's sender, which production must set", async () => {
    expect(production.recorder.get("sst.aws.Email", "Mailer").args.sender).toBe("reports@finstat.example");
    await expect(recordDeployment("production")).rejects.toThrow(/FINSTAT_EMAIL_SENDER/);
  });

  it("the OpenAI key is optional (empty placeholder) and the JWT secret is required", () => {
    expect(production.recorder.get("sst.Secret", "OpenaiApiKey").args.placeholder).toBe("");
    expect(production.recorder.get("sst.Secret", "JwtSecret").args.placeholder).toBeUndefined();
  });

  it("alarm on a non-empty dead-letter queue and on worker errors", () => {
    const alarms = production.recorder.all("aws.cloudwatch.MetricAlarm").map((alarm) => alarm.args);
    const deadLetters = alarms.find((alarm) => alarm.metricName === "ApproximateNumberOfMessagesVisible");
    const errors = alarms.find((alarm) => alarm.metricName === "Errors");
    expect(deadLetters).toMatchObject({
      namespace: "AWS/SQS",
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
    });
    expect(plain(deadLetters.dimensions.QueueName)).toBe("<DocumentDeadLetterQueue.queue.name>");
    expect(errors).toMatchObject({
      namespace: "AWS/Lambda",
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
    });
    expect(plain(errors.dimensions.FunctionName)).toBe("<DocumentWorker.name>");
  });
});
