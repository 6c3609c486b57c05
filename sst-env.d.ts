/* Committed so the repo type-checks without the SST CLI (which cannot install its providers on
 * the build machines). Globals are the ones SST injects into sst.config.ts and stacks/, typed
 * loosely; the `sst` module's Resource lists the links stacks/index.ts gives the functions.
 * Keep the link names in step with functions/src/platform/sst-resources.ts (SST_LINKS); the
 * infra contract test (functions/test/infra) fails when they drift. */

interface FinstatSstAppInput {
  stage: string;
}

interface FinstatSstConfig {
  app(input?: FinstatSstAppInput): Record<string, unknown>;
  run(): Promise<Record<string, unknown> | undefined>;
}

declare function $config<T extends FinstatSstConfig>(config: T): T;
declare const $app: { readonly name: string; readonly stage: string };
declare const $dev: boolean;
declare function $interpolate(literals: TemplateStringsArray, ...placeholders: unknown[]): any;
declare function $transform(component: unknown, transform: (args: any, opts: any, name: string) => void): void;
declare const sst: any;
declare const aws: any;

declare module "sst" {
  export interface Resource {
    App: { name: string; stage: string };
    Api: { name: string; url: string; type: "sst.aws.Function" };
    Uploads: { name: string; type: "sst.aws.Bucket" };
    DocumentQueue: { url: string; type: "sst.aws.Queue" };
    DocumentDeadLetterQueue: { url: string; type: "sst.aws.Queue" };
    /** A secret (stage setting `url`) or a Linkable built from sst.aws.Postgres (`postgres`). */
    DatabaseUrl: { value: string; type: "sst.sst.Secret" | "sst.sst.Linkable" };
    /** Empty when no key is set: vision stays off. */
    OpenaiApiKey: { value: string; type: "sst.sst.Secret" };
    JwtSecret: { value: string; type: "sst.sst.Secret" };
    Mailer: { sender: string; type: "sst.aws.Email" };
  }
  export const Resource: Resource;
}
