// Registered (persisted, allow-listed) operations for partners. The association keeps them in
// a JSON file named by WASL_PARTNER_PERSISTED_OPERATIONS, `{ "<sha256 of the text>": "<text>" }`
// (the manifest shape Apollo's and yoga's persisted-operation tools write), reviewed and
// deployed with the server like any configuration; a wrong hash stops the server at start.
// A partner sends `extensions.persistedQuery.sha256Hash` (Apollo's shape) without the text, or
// the text itself; a key set to "persisted only" (PartnerKeyLimit) runs registered texts only.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DocumentNode } from "graphql";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export class PersistedOperations {
  private readonly registered = new WeakMap<DocumentNode, boolean>();

  constructor(private readonly operations: ReadonlyMap<string, string> = new Map()) {
    for (const [hash, text] of operations)
      if (sha256Hex(text) !== hash)
        throw new Error(`persisted operation ${hash}: the hash is not the sha256 of its text`);
  }

  /** The operations of the file (none without a file). */
  static fromFile(path: string | undefined): PersistedOperations {
    if (!path) return new PersistedOperations();
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    const entries = Object.entries(parsed).map(([hash, text]) => {
      if (typeof text !== "string") throw new Error(`${path}: ${hash} must map to a string`);
      return [hash.toLowerCase(), text] as const;
    });
    return new PersistedOperations(new Map(entries));
  }

  /** The registered text of a hash. */
  text(hash: string): string | undefined {
    return this.operations.get(hash.toLowerCase());
  }

  /**
   * Whether the parsed document's text is a registered operation. yoga's parser cache hands
   * the same document for the same text, so each text is hashed once.
   */
  isRegistered(document: DocumentNode): boolean {
    let known = this.registered.get(document);
    if (known === undefined) {
      const text = document.loc?.source.body;
      known = text !== undefined && this.operations.get(sha256Hex(text)) === text;
      this.registered.set(document, known);
    }
    return known;
  }
}
