import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertStorageKey, fileNotFound, type StoredObjectInfo } from "./port";
import { type SelfServedStorage, selfServedPresigner } from "./self-served";
import type { UrlSigner } from "./signed-urls";

/**
 * Files under `root` (DATA_DIR/files), keyed by path. The content type lives in a sidecar
 * under `root/.meta`, which no key can reach because key segments never start with a dot.
 */
export function createLocalStorage(options: {
  root: string;
  signer: UrlSigner;
  publicUrl: string;
}): SelfServedStorage {
  const { root, signer } = options;
  const objectPath = (key: string) => join(root, ...key.split("/"));
  const metaPath = (key: string) => join(root, ".meta", `${key}.json`);

  async function writeAtomically(path: string, body: Uint8Array | string) {
    await mkdir(dirname(path), { recursive: true });
    // Readers never see a half-written file: write beside it, then rename over it.
    const temporary = `${path}.${randomUUID()}.partial`;
    try {
      await writeFile(temporary, body);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    kind: "local",
    signer,
    ...selfServedPresigner(signer, options.publicUrl),

    async put(key, body, contentType) {
      assertStorageKey(key);
      await writeAtomically(metaPath(key), JSON.stringify({ contentType }));
      await writeAtomically(objectPath(key), body);
    },

    async get(key) {
      assertStorageKey(key);
      try {
        return new Uint8Array(await readFile(objectPath(key)));
      } catch (error) {
        if (isMissing(error)) throw fileNotFound(key);
        throw error;
      }
    },

    async head(key): Promise<StoredObjectInfo | null> {
      assertStorageKey(key);
      try {
        const info = await stat(objectPath(key));
        if (!info.isFile()) return null;
        return { size: info.size, contentType: await readContentType(metaPath(key)) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      await rm(objectPath(key), { force: true });
      await rm(metaPath(key), { force: true });
    },
  };
}

async function readContentType(path: string): Promise<string> {
  try {
    const meta = JSON.parse(await readFile(path, "utf8")) as { contentType?: string };
    return meta.contentType ?? "application/octet-stream";
  } catch {
    return "application/octet-stream";
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
