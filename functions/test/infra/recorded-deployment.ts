import { resolve } from "node:path";
import { vi } from "vitest";
import { installSstRecorder, type RecordedResource, type SstRecorder } from "./sst-recorder";

/** Runs sst.config.ts (and so stacks/) for one stage against the recording stand-ins. */

export const repositoryRoot = resolve(import.meta.dirname, "../../..");

/** Stage settings read from the environment (stacks/settings.ts); blanked unless a test sets them. */
const settingVariables = [
  "FINSTAT_DATABASE",
  "FINSTAT_WEB_DOMAIN",
  "FINSTAT_WEB_ORIGIN",
  "FINSTAT_UPLOAD_RETENTION_DAYS",
  "FINSTAT_WORKER_CONCURRENCY",
  "FINSTAT_EMAIL_SENDER",
  "FINSTAT_ALARM_EMAIL",
];

export interface RecordedDeployment {
  recorder: SstRecorder;
  outputs: Record<string, unknown>;
}

export async function recordDeployment(
  stage: string,
  env: Record<string, string> = {},
): Promise<RecordedDeployment> {
  // Fresh module instances so stacks/index.ts runs again with this stage's settings.
  vi.resetModules();
  for (const name of settingVariables) vi.stubEnv(name, env[name] ?? "");
  const recorder = installSstRecorder(stage);
  try {
    const { default: config } = await import("../../../sst.config");
    config.app({ stage });
    const outputs = (await config.run()) ?? {};
    return { recorder, outputs };
  } finally {
    recorder.uninstall();
    vi.unstubAllEnvs();
  }
}

export function functionsOf(deployment: RecordedDeployment): RecordedResource[] {
  return deployment.recorder.all("sst.aws.Function");
}

export function functionNamed(deployment: RecordedDeployment, name: string): RecordedResource {
  return deployment.recorder.get("sst.aws.Function", name);
}

/** The production settings every contract test starts from. */
export const productionEnv = { FINSTAT_EMAIL_SENDER: "reports@finstat.example" };
