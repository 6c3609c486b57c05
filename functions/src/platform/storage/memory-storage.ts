import { assertStorageKey, fileNotFound } from "./port";
import { type SelfServedStorage, selfServedPresigner } from "./self-served";
import { createUrlSigner, type UrlSigner } from "./signed-urls";

/** In-memory storage for unit tests; its presigned URLs work against the API's file routes. */
export function createMemoryStorage(
  options: { signer?: UrlSigner; publicUrl?: string } = {},
): SelfServedStorage & { readonly objects: ReadonlyMap<string, { body: Uint8Array; contentType: string }> } {
  const signer = options.signer ?? createUrlSigner("memory-storage-secret-for-tests-only");
  const objects = new Map<string, { body: Uint8Array; contentType: string }>();

  return {
    kind: "memory",
    signer,
    objects,
    ...selfServedPresigner(signer, options.publicUrl ?? "http://localhost:3000"),

    async put(key, body, contentType) {
      assertStorageKey(key);
      const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
      objects.set(key, { body: bytes, contentType });
    },
    async get(key) {
      assertStorageKey(key);
      const object = objects.get(key);
      if (!object) throw fileNotFound(key);
      return new Uint8Array(object.body);
    },
    async head(key) {
      assertStorageKey(key);
      const object = objects.get(key);
      return object ? { size: object.body.byteLength, contentType: object.contentType } : null;
    },
    async delete(key) {
      assertStorageKey(key);
      objects.delete(key);
    },
  };
}
