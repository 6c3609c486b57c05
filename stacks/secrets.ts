/**
 * Secrets set per stage with `npx sst secret set <Name> <value> --stage <stage>`. Link names are
 * the contract with functions/src/platform/sst-resources.ts (SST_LINKS).
 */

/** Empty by default: vision stays off until a key is set (the config drops empty links). */
export function createOpenaiApiKey() {
  return new sst.Secret("OpenaiApiKey", "");
}

/** Signs sessions; the config rejects values shorter than 32 characters. No placeholder on purpose. */
export function createJwtSecret() {
  return new sst.Secret("JwtSecret");
}
