// The letters register's scans: a letter carries its scan (PDF or image, checked and stored as
// members' documents are) with or without a member, filed at registration or afterwards; a bad
// file is refused naming the field and leaves no letter, no number and no stored file; the scan
// is downloadable by those who keep the register, and every download is audited.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleFile } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

// Small enough that a too-large file still reaches the resolver (see documents.test.ts).
const maxUploadBytes = 4096;
let t: TestApp;
const tokens: Record<string, string> = {};

const letterFields = `id registerNumber version member { id }
  scan { fileName contentType size sha256 uploadedAt downloadUrl }`;
const registerMutation = `mutation($input: RegisterLetterInput!) { result: registerLetter(input: $input) {
  __typename
  ... on RegisterLetterSuccess { letter { ${letterFields} } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { code message } } }`;
const attachMutation = `mutation($input: AttachLetterScanInput!) { result: attachLetterScan(input: $input) {
  __typename
  ... on AttachLetterScanSuccess { letter { ${letterFields} } }
  ... on ValidationError { fieldErrors { path message } }
  ... on ConflictError { currentVersion }
  ... on Error { code message } } }`;

type Scan = { name: string; type: string; bytes: Uint8Array };
const pdf = (): Scan => ({
  name: "خطاب.pdf",
  type: "application/pdf",
  bytes: sampleFile("sample.pdf"),
});

/** A GraphQL multipart request with the scan as `variables.input.scan`. */
async function multipart(
  query: string,
  input: Record<string, unknown>,
  scan: Scan,
  options: { token?: string; language?: string } = {},
): Promise<Json> {
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({ query, variables: { input: { ...input, scan: null } } }),
  );
  form.append("map", JSON.stringify({ 0: ["variables.input.scan"] }));
  form.append("0", new File([new Uint8Array(scan.bytes)], scan.name, { type: scan.type }));
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: {
      "x-wasl-csrf": "1",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.language ? { "accept-language": options.language } : {}),
    },
    body: form,
  });
  const body = (await response.json()) as Json;
  return body.data?.result ?? body;
}

const documentsDir = () => join(t.config.dataDir, "documents");
function storedFiles(): string[] {
  if (!existsSync(documentsDir())) return [];
  return readdirSync(documentsDir(), { recursive: true, encoding: "utf8" }).filter((p) =>
    statSync(join(documentsDir(), p)).isFile(),
  );
}

const download = (path: string, token?: string) =>
  fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_MAX_UPLOAD_BYTES: String(maxUploadBytes) } });
  tokens.staff = (await signInStaff(t, "desk@scans.sa", ["STAFF"])).token;
  tokens.researcher = (await signInStaff(t, "r@scans.sa", ["RESEARCHER"])).token;
});

afterAll(() => t?.close());

describe("a letter's scan", () => {
  it("is filed with a letter that concerns no member, and downloaded with an audit entry", async () => {
    const bytes = sampleFile("sample.pdf");
    const result = await multipart(
      registerMutation,
      { direction: "INCOMING", correspondent: "وزارة الموارد البشرية", subject: "تعميم" },
      pdf(),
      { token: tokens.staff },
    );
    expect(result.__typename).toBe("RegisterLetterSuccess");
    const letter = result.letter;
    expect(letter.member).toBeNull();
    expect(letter.scan).toMatchObject({
      fileName: "خطاب.pdf",
      contentType: "application/pdf",
      size: bytes.byteLength,
      downloadUrl: `/letters/${rawId(letter.id)}/scan`,
    });

    const response = await download(letter.scan.downloadUrl, tokens.staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const audit = await t.database.prisma.auditEntry.findMany({
      where: { entityType: "Letter", entityId: rawId(letter.id) },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "READ_PERSONAL_DATA"]);
    expect(audit[0]?.changes).toMatchObject({
      scanFileName: { before: null, after: "خطاب.pdf" },
      scanSha256: { after: letter.scan.sha256 },
    });
  });

  it("is filed afterwards on a member's letter; a second one is refused by name", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const registered: Json = await t.gql(
      registerMutation,
      {
        input: {
          direction: "OUTGOING",
          correspondent: "العضو",
          subject: "إفادة",
          member: gid("Member", member.id),
        },
      },
      { token: tokens.staff },
    );
    const letter = registered.data.result.letter;
    expect(letter.scan).toBeNull();
    const png = { name: "scan.png", type: "image/png", bytes: sampleFile("sample.png") };
    const stale = await multipart(
      attachMutation,
      { id: letter.id, version: letter.version + 1 },
      png,
      { token: tokens.staff },
    );
    expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: letter.version });

    const files = storedFiles().length;
    const attached = await multipart(
      attachMutation,
      { id: letter.id, version: letter.version },
      png,
      { token: tokens.staff },
    );
    expect(attached.__typename).toBe("AttachLetterScanSuccess");
    expect(attached.letter.scan).toMatchObject({ fileName: "scan.png", contentType: "image/png" });
    expect(attached.letter.version).toBe(letter.version + 1);
    expect(storedFiles()).toHaveLength(files + 1);

    const again = await multipart(
      attachMutation,
      { id: letter.id, version: attached.letter.version },
      pdf(),
      { token: tokens.staff, language: "en" },
    );
    expect(again.fieldErrors).toEqual([
      { path: ["input", "scan"], message: expect.stringContaining("already has its scan") },
    ]);
    // The refused file was removed again.
    expect(storedFiles()).toHaveLength(files + 1);
  });

  it("refuses a file that is not what it says, naming the field, and writes nothing", async () => {
    const letters = await t.database.prisma.letter.count();
    const files = storedFiles().length;
    const fake = await multipart(
      registerMutation,
      { direction: "INCOMING", correspondent: "جهة", subject: "موضوع" },
      { name: "letter.pdf", type: "application/pdf", bytes: sampleFile("sample.png") },
      { token: tokens.staff },
    );
    expect(fake.fieldErrors).toEqual([{ path: ["input", "scan"], message: expect.any(String) }]);
    const large = await multipart(
      registerMutation,
      { direction: "INCOMING", correspondent: "جهة", subject: "موضوع" },
      { name: "big.pdf", type: "application/pdf", bytes: new Uint8Array(maxUploadBytes + 1) },
      { token: tokens.staff, language: "en" },
    );
    expect(large.fieldErrors).toEqual([
      { path: ["input", "scan"], message: expect.stringContaining("KB") },
    ]);
    // A valid scan with an invalid letter: the letter is refused and the file removed.
    const invalid = await multipart(
      registerMutation,
      { direction: "INCOMING", correspondent: "", subject: "موضوع" },
      pdf(),
      { token: tokens.staff },
    );
    expect(invalid.fieldErrors.map((e: Json) => e.path)).toEqual([["input", "correspondent"]]);
    expect(await t.database.prisma.letter.count()).toBe(letters);
    expect(storedFiles()).toHaveLength(files);
  });

  it("is downloaded only by those who keep the register", async () => {
    const [letter] = await t.database.prisma.letter.findMany({
      where: { scanStorageKey: { not: null } },
      take: 1,
    });
    const path = `/letters/${letter!.id}/scan`;
    expect((await download(path)).status).toBe(401);
    expect((await download(path, tokens.researcher)).status).toBe(403);
    expect((await download(`/letters/${crypto.randomUUID()}/scan`, tokens.staff)).status).toBe(404);
    const reads = await t.database.prisma.auditEntry.count({
      where: { entityId: letter!.id, action: "READ_PERSONAL_DATA" },
    });
    expect((await download(path, tokens.staff)).status).toBe(200);
    expect(
      await t.database.prisma.auditEntry.count({
        where: { entityId: letter!.id, action: "READ_PERSONAL_DATA" },
      }),
    ).toBe(reads + 1);
  });
});
