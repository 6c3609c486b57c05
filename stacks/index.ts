import { createAlarms } from "./alarms";
import { createApi } from "./api";
import { createDatabase, createMigrator } from "./database";
import { createMailer } from "./email";
import { createDocumentQueues } from "./queue";
import { createJwtSecret, createOpenaiApiKey } from "./secrets";
import { stageSettings } from "./settings";
import { allowBrowserUploads, createUploadsBucket } from "./storage";
import { createWeb } from "./web";
import { createDocumentWorker } from "./worker";

/**
 * The whole AWS shape, wired in dependency order: storage, queue, database and secrets first,
 * then the functions that link them, then the web app (which needs the API's URL), and last
 * the pieces that need the web app's URL (upload CORS) or the worker (alarms).
 */

const settings = stageSettings($app.stage, process.env);

// Node 24 everywhere (ARCHITECTURE.md), including functions SST creates inside other components.
$transform(sst.aws.Function, (args: { runtime?: string }) => {
  args.runtime ??= "nodejs24.x";
});

const uploads = createUploadsBucket(settings.uploadRetentionDays);
const { documentQueue, deadLetterQueue } = createDocumentQueues();
const { databaseUrl, vpc } = createDatabase(settings.database, settings.nat);
const openaiApiKey = createOpenaiApiKey();
const jwtSecret = createJwtSecret();
const mailer = createMailer(settings.emailSender);

/** Exactly the links functions/src/platform/sst-resources.ts (SST_LINKS) reads. */
const appLinks = [uploads, documentQueue, databaseUrl, openaiApiKey, jwtSecret, mailer];

const api = createApi(appLinks, vpc, settings);
const { worker } = createDocumentWorker(appLinks, vpc, documentQueue, settings);
// The migrator loads the same deployed config (sst-resources.ts reads every link), so it links them all.
createMigrator(appLinks, vpc);
const web = createWeb(api, settings.webDomain);

allowBrowserUploads(uploads, [
  web.url,
  ...(settings.webOrigin ? [settings.webOrigin] : []),
  ...settings.developmentOrigins,
]);
createAlarms(deadLetterQueue, worker, settings.alarmEmail);

export const outputs = {
  api: api.url,
  web: web.url,
  uploadsBucket: uploads.name,
  documentQueue: documentQueue.url,
  deadLetterQueue: deadLetterQueue.url,
  database: settings.database,
};
