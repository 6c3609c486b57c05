import { apiMemoryMb, apiTimeoutSeconds } from "./capacity";
import { lambdaEnvironment, reportPackages } from "./lambda-environment";
import type { StageSettings } from "./settings";

/**
 * The Hono app behind a Lambda function URL. CORS is left to the app's own middleware (driven by
 * WEB_ORIGIN), as in the embedded shape; URL-level CORS would add a second set of headers.
 */
export function createApi(links: unknown[], vpc: unknown, settings: StageSettings) {
  return new sst.aws.Function("Api", {
    handler: "functions/src/handlers/api.handler",
    runtime: "nodejs24.x",
    architecture: settings.architecture,
    timeout: `${apiTimeoutSeconds} seconds`,
    memory: `${apiMemoryMb} MB`,
    url: { cors: false },
    link: links,
    vpc,
    nodejs: { install: reportPackages },
    environment: lambdaEnvironment(settings.webOrigin),
    logging: { retention: "1 month" },
  });
}
