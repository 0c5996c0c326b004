// The letters register's own call: filing the scan of a letter registered without one (a
// multipart request, with the version read); typed errors come back as HttpErrors.

import type { TypedErrorResult } from "./errors.js";
import { unwrap } from "./errors.js";
import { letterFields } from "./fragments.js";
import { postMultipart } from "./multipart.js";

const attachScanMutation = `mutation AttachLetterScan($input: AttachLetterScanInput!) {
  result: attachLetterScan(input: $input) {
    __typename
    ... on AttachLetterScanSuccess { letter { ${letterFields} } }
    ... on ValidationError { fieldErrors { path message } }
    ... on ConflictError { currentVersion }
    ... on Error { code message }
  }
}`;

export type LetterCalls = {
  attachLetterScan(
    letter: { id: string; version: number },
    scan: File,
  ): Promise<Record<string, unknown>>;
};

export function letterCalls(fetchImpl: typeof fetch = fetch): LetterCalls {
  return {
    async attachLetterScan({ id, version }, scan) {
      const data = await postMultipart(
        attachScanMutation,
        { input: { id, version, scan } },
        fetchImpl,
      );
      return unwrap(
        data.result as TypedErrorResult & Record<string, unknown>,
        "AttachLetterScanSuccess",
        "letter",
      );
    },
  };
}
