// Where document bytes live. The database keeps metadata and a storage key; the bytes go
// through this interface so that local disk (the default) can be swapped for object storage.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";

export interface DocumentStorage {
  /** Stores the bytes under the key; the key is fully written or not at all. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes as a stream, or null if nothing is stored under the key. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A new, unguessable key, grouped by month so no directory grows without bound. */
export function newStorageKey(now: Date = new Date()): string {
  const month = now.toISOString().slice(0, 7);
  return `${month}/${randomUUID()}`;
}

// Keys are ours (newStorageKey), never a sender's; the check keeps a bad row from reading
// outside the storage root all the same.
const keyPattern = /^[0-9]{4}-[0-9]{2}\/[0-9a-f-]{36}$/;

/** Files under `<dataDir>/documents/<yyyy-mm>/<uuid>`, written to a temp file and renamed. */
export class LocalDiskStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`invalid storage key: ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid storage key: ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // A crash mid-write leaves only a temp file, never a truncated document under the key.
    const temp = join(dirname(path), `.tmp-${randomUUID()}`);
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

const storages = new Map<string, DocumentStorage>();

/**
 * The storage for a configuration: local disk under `<dataDir>/documents/`. The one place to
 * choose another implementation (e.g. S3 when configured). One instance per data directory.
 */
export function documentStorage(config: { dataDir: string }): DocumentStorage {
  let storage = storages.get(config.dataDir);
  if (!storage) {
    storage = new LocalDiskStorage(join(config.dataDir, "documents"));
    storages.set(config.dataDir, storage);
  }
  return storage;
}
