import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingDocumentKinds } from "../../api/modules/requests/documents/service.js";
import { createRequestRecord, sampleFile, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

// Small enough that a too-large file still fits the server's multipart body limit, so the
// upload reaches the resolver and is refused there by name.
const maxUploadBytes = 4096;

let t: TestApp;
let staff: string;
let committee: string;
let researcher: string; // the researcher of `request`
let otherResearcher: string;
let memberId: string;
let requestId: string;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const uploadMutation = `mutation($input: UploadDocumentInput!) {
  uploadDocument(input: $input) {
    __typename
    ... on UploadDocumentSuccess { document { id kind fileName contentType size sha256 verification downloadUrl version } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on NotFoundError { code }
    ... on Error { code }
  }
}`;

const verifyMutation = `mutation($input: VerifyDocumentInput!) {
  verifyDocument(input: $input) {
    __typename
    ... on VerifyDocumentSuccess { document { id verification rejectionReason verifiedAt verifiedByName version } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on ConflictError { code currentVersion }
    ... on Error { code }
  }
}`;

type UploadArgs = {
  requestId?: string;
  kind?: string;
  name: string;
  type: string;
  bytes: Uint8Array;
  token?: string | undefined;
  language?: string;
};

/** A GraphQL multipart request (operations, map, file part) to the real listening server. */
async function upload(args: UploadArgs): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({
      query: uploadMutation,
      variables: {
        input: {
          request: gid("Request", args.requestId ?? requestId),
          kind: args.kind ?? "NATIONAL_ID_COPY",
          file: null,
        },
      },
    }),
  );
  form.append("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.append("0", new File([new Uint8Array(args.bytes)], args.name, { type: args.type }));
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: {
      "x-wasl-csrf": "1",
      ...(args.token ? { authorization: `Bearer ${args.token}` } : {}),
      ...(args.language ? { "accept-language": args.language } : {}),
    },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

const documentsDir = () => join(t.config.dataDir, "documents");

/** Every stored file (and temp file) under the documents directory. */
function storedFiles(): string[] {
  if (!existsSync(documentsDir())) return [];
  return readdirSync(documentsDir(), { recursive: true, encoding: "utf8" }).filter((p) =>
    statSync(join(documentsDir(), p)).isFile(),
  );
}

async function expectNothingWritten(action: () => Promise<unknown>) {
  const rows = await t.database.prisma.document.count();
  const files = storedFiles().length;
  await action();
  expect(await t.database.prisma.document.count()).toBe(rows);
  expect(storedFiles()).toHaveLength(files);
}

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_MAX_UPLOAD_BYTES: String(maxUploadBytes) } });
  const db = t.database.prisma;
  await seedRequestRules(db);
  staff = (await signInStaff(t, "desk@test.sa", ["STAFF"])).token;
  committee = (await signInStaff(t, "committee@test.sa", ["COMMITTEE_MEMBER"])).token;
  const assigned = await signInStaff(t, "researcher@test.sa", ["RESEARCHER"]);
  researcher = assigned.token;
  otherResearcher = (await signInStaff(t, "other-researcher@test.sa", ["RESEARCHER"])).token;
  memberId = (await createMemberRecord(db)).id;
  requestId = (
    await createRequestRecord(db, memberId, {
      status: "WITH_RESEARCHER",
      researcherId: assigned.user.id,
    })
  ).id;
});

afterAll(() => t?.close());

describe("uploading a document (successful cases)", () => {
  it("stores a PDF with its sha256, a cleaned name, a timeline event and an audit entry", async () => {
    const bytes = sampleFile("sample.pdf");
    const { status, body } = await upload({
      name: "../../etc/كشف الراتب\u202e.pdf",
      type: "application/pdf",
      bytes,
      token: staff,
    });
    expect(status).toBe(200);
    const document = body.data.uploadDocument.document;
    expect(body.data.uploadDocument.__typename).toBe("UploadDocumentSuccess");
    expect(document).toMatchObject({
      kind: "NATIONAL_ID_COPY",
      fileName: "كشف الراتب.pdf",
      contentType: "application/pdf",
      size: bytes.byteLength,
      sha256: sha256(bytes),
      verification: "PENDING",
    });
    const row = await t.database.prisma.document.findFirstOrThrow({
      where: { sha256: sha256(bytes) },
    });
    expect(document.downloadUrl).toBe(`/documents/${row.id}`);
    expect(row.uploadedByActor).toBe("USER");
    const onDisk = readFileSync(join(documentsDir(), row.storageKey));
    expect(sha256(onDisk)).toBe(row.sha256);
    expect(
      await t.database.prisma.timelineEvent.count({
        where: { requestId, kind: "DOCUMENT_UPLOADED" },
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await t.database.prisma.auditEntry.count({
        where: { entityType: "Document", entityId: row.id, action: "CREATE" },
      }),
    ).toBe(1);
  });

  it("accepts PNG and JPEG, with or without the declared type", async () => {
    for (const [name, type, file, expected] of [
      ["صورة.png", "image/png", "sample.png", "image/png"],
      ["scan.JPG", "image/jpeg", "sample.jpg", "image/jpeg"],
      ["scan.jpeg", "", "sample.jpg", "image/jpeg"],
    ] as const) {
      const { body } = await upload({ name, type, bytes: sampleFile(file), token: staff });
      expect(body.data.uploadDocument.document?.contentType, name).toBe(expected);
    }
  });
});

describe("uploading a document (refusals)", () => {
  it("refuses a file over the limit, naming input.file, and writes nothing", async () => {
    const big = new Uint8Array(maxUploadBytes + 1);
    big.set(sampleFile("sample.pdf"));
    await expectNothingWritten(async () => {
      const { body } = await upload({
        name: "big.pdf",
        type: "application/pdf",
        bytes: big,
        token: staff,
        language: "en",
      });
      expect(body.data.uploadDocument).toMatchObject({
        __typename: "ValidationError",
        code: "VALIDATION_FAILED",
        fieldErrors: [
          { path: ["input", "file"], message: "The file is larger than the limit (4.1 KB)." },
        ],
      });
    });
  });

  it("refuses a type other than PDF, JPEG or PNG", async () => {
    await expectNothingWritten(async () => {
      const { body } = await upload({
        name: "notes.txt",
        type: "text/plain",
        bytes: new TextEncoder().encode("hello"),
        token: staff,
      });
      expect(body.data.uploadDocument.fieldErrors).toEqual([
        { path: ["input", "file"], message: "نوع الملف غير مسموح: يُقبل PDF أو JPEG أو PNG فقط." },
      ]);
    });
  });

  it("refuses a .pdf that is not a PDF", async () => {
    await expectNothingWritten(async () => {
      const { body } = await upload({
        name: "invoice.pdf",
        type: "application/pdf",
        bytes: new TextEncoder().encode("<html><script>alert(1)</script>%PDF-1.4</html>"),
        token: staff,
        language: "en",
      });
      expect(body.data.uploadDocument.fieldErrors).toEqual([
        {
          path: ["input", "file"],
          message:
            "The file's content does not match its declared type (PDF): it is not a valid PDF.",
        },
      ]);
    });
  });

  it("refuses content that is another allowed type than declared, and a name that disagrees", async () => {
    await expectNothingWritten(async () => {
      const png = await upload({
        name: "photo.jpg",
        type: "image/jpeg",
        bytes: sampleFile("sample.png"),
        token: staff,
      });
      expect(png.body.data.uploadDocument.fieldErrors[0].path).toEqual(["input", "file"]);
      const renamed = await upload({
        name: "photo.png",
        type: "application/pdf",
        bytes: sampleFile("sample.pdf"),
        token: staff,
        language: "en",
      });
      expect(renamed.body.data.uploadDocument.fieldErrors[0].message).toBe(
        "The file name's extension does not match its type (PDF).",
      );
    });
  });

  it("refuses an empty file", async () => {
    const { body } = await upload({
      name: "empty.pdf",
      type: "application/pdf",
      bytes: new Uint8Array(0),
      token: staff,
    });
    expect(body.data.uploadDocument.fieldErrors[0].path).toEqual(["input", "file"]);
  });

  it("leaves no file and no row when the database write fails", async () => {
    const db = t.database.prisma;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION wasl_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER wasl_test_refuse BEFORE INSERT ON "Document" FOR EACH ROW EXECUTE FUNCTION wasl_test_refuse()`,
    );
    try {
      await expectNothingWritten(async () => {
        const { body } = await upload({
          name: "id.pdf",
          type: "application/pdf",
          bytes: sampleFile("sample.pdf"),
          token: staff,
        });
        expect(body.data?.uploadDocument ?? null).toBeNull();
        expect(body.errors[0].message).toBe("Unexpected error.");
      });
      expect(storedFiles().some((p) => p.includes(".tmp-"))).toBe(false);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER wasl_test_refuse ON "Document"`);
      await db.$executeRawUnsafe(`DROP FUNCTION wasl_test_refuse()`);
    }
  });

  it("is forbidden to a researcher and to an unauthenticated caller", async () => {
    await expectNothingWritten(async () => {
      const asResearcher = await upload({
        name: "id.pdf",
        type: "application/pdf",
        bytes: sampleFile("sample.pdf"),
        token: researcher,
      });
      expect(asResearcher.body.data.uploadDocument).toEqual({
        __typename: "ForbiddenError",
        code: "FORBIDDEN",
      });
      const anonymous = await upload({
        name: "id.pdf",
        type: "application/pdf",
        bytes: sampleFile("sample.pdf"),
      });
      expect(anonymous.body.data.uploadDocument.code).toBe("UNAUTHENTICATED");
    });
  });

  it("returns NotFoundError for an unknown request", async () => {
    const { body } = await upload({
      requestId: "0190f0c0-0000-7000-8000-000000000000",
      name: "id.pdf",
      type: "application/pdf",
      bytes: sampleFile("sample.pdf"),
      token: staff,
    });
    expect(body.data.uploadDocument.__typename).toBe("NotFoundError");
  });
});

describe("downloading a document", () => {
  let documentId: string;
  const bytes = () => sampleFile("sample.pdf");

  beforeAll(async () => {
    const { body } = await upload({
      name: "هوية وطنية.pdf",
      type: "application/pdf",
      bytes: bytes(),
      token: staff,
    });
    documentId = rawId(body.data.uploadDocument.document.id);
  });

  const get = (token?: string, id = documentId) =>
    fetch(`${t.url}/documents/${id}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it("serves staff the stored bytes as an attachment that browsers may not sniff", async () => {
    const response = await get(staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="____ _____.pdf"; filename*=UTF-8''${encodeURIComponent("هوية وطنية.pdf")}`,
    );
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(bytes()));
    expect(
      await t.database.prisma.auditEntry.count({
        where: { entityType: "Document", entityId: documentId, action: "READ_PERSONAL_DATA" },
      }),
    ).toBe(1);
  });

  it("works with the session cookie too", async () => {
    const response = await fetch(`${t.url}/documents/${documentId}`, {
      headers: { cookie: `wasl_session=${encodeURIComponent(staff)}` },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it("serves the case's researcher and the committee, not a researcher of another case", async () => {
    expect((await get(researcher)).status).toBe(200);
    expect((await get(committee)).status).toBe(200);
    expect((await get(otherResearcher)).status).toBe(403);
  });

  it("answers 401 without credentials and 404 for an unknown or malformed ID", async () => {
    expect((await get()).status).toBe(401);
    expect((await get(staff, "0190f0c0-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await get(staff, "..%2F..%2Ftoken-secret")).status).toBe(404);
  });

  it("hides the document's metadata from a researcher of another case", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Document { fileName } } }`;
    const other = await t.gql(
      query,
      { id: gid("Document", documentId) },
      { token: otherResearcher },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const own = await t.gql(query, { id: gid("Document", documentId) }, { token: researcher });
    expect(own.data?.node.fileName).toBe("هوية وطنية.pdf");
  });
});

describe("verifying documents and completeness", () => {
  it("accepts, rejects with a reason, and makes the request incomplete again", async () => {
    const db = t.database.prisma;
    const request = await createRequestRecord(db, memberId);
    const required = ["NATIONAL_ID_COPY", "INCOME_PROOF"] as const;
    expect(await missingDocumentKinds(db, request.id, [...required])).toEqual([
      "NATIONAL_ID_COPY",
      "INCOME_PROOF",
    ]);
    const ids: Record<string, { id: string; version: number }> = {};
    for (const kind of required) {
      const { body } = await upload({
        requestId: request.id,
        kind,
        name: `${kind}.pdf`,
        type: "application/pdf",
        bytes: sampleFile("sample.pdf"),
        token: staff,
      });
      ids[kind] = body.data.uploadDocument.document;
    }
    expect(await missingDocumentKinds(db, request.id, [...required])).toEqual([]);

    const accepted = await t.gql(
      verifyMutation,
      { input: { id: ids.NATIONAL_ID_COPY!.id, version: 1, decision: "ACCEPTED" } },
      { token: staff },
    );
    expect(accepted.data?.verifyDocument.document).toMatchObject({
      verification: "ACCEPTED",
      rejectionReason: null,
      verifiedByName: "موظف desk",
      version: 2,
    });

    const noReason = await t.gql(
      verifyMutation,
      { input: { id: ids.INCOME_PROOF!.id, version: 1, decision: "REJECTED", reason: "  " } },
      { token: staff, language: "en" },
    );
    expect(noReason.data?.verifyDocument).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [
        { path: ["input", "reason"], message: "Give the reason for rejecting the document." },
      ],
    });

    const rejected = await t.gql(
      verifyMutation,
      {
        input: {
          id: ids.INCOME_PROOF!.id,
          version: 1,
          decision: "REJECTED",
          reason: "تعريف الراتب منتهي الصلاحية",
        },
      },
      { token: staff },
    );
    expect(rejected.data?.verifyDocument.document).toMatchObject({
      verification: "REJECTED",
      rejectionReason: "تعريف الراتب منتهي الصلاحية",
    });
    expect(await missingDocumentKinds(db, request.id, [...required])).toEqual(["INCOME_PROOF"]);
    const events = await db.timelineEvent.findMany({
      where: { requestId: request.id, kind: "DOCUMENT_VERIFIED" },
    });
    expect(events).toHaveLength(2);
    expect(
      await db.auditEntry.count({ where: { entityType: "Document", action: "UPDATE" } }),
    ).toBeGreaterThanOrEqual(2);

    // A new income proof completes the request again.
    await upload({
      requestId: request.id,
      kind: "INCOME_PROOF",
      name: "income.png",
      type: "image/png",
      bytes: sampleFile("sample.png"),
      token: staff,
    });
    expect(await missingDocumentKinds(db, request.id, [...required])).toEqual([]);

    const listed = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Request { documents { kind verification } } } }`,
      { id: gid("Request", request.id) },
      { token: staff },
    );
    expect(listed.data?.node.documents.map((d: Json) => d.verification)).toEqual([
      "ACCEPTED",
      "REJECTED",
      "PENDING",
    ]);
  });

  it("refuses a stale version with ConflictError and a researcher with ForbiddenError", async () => {
    const { body } = await upload({
      name: "lease.pdf",
      kind: "LEASE",
      type: "application/pdf",
      bytes: sampleFile("sample.pdf"),
      token: staff,
    });
    const id = body.data.uploadDocument.document.id;
    const stale = await t.gql(
      verifyMutation,
      { input: { id, version: 7, decision: "ACCEPTED" } },
      { token: staff },
    );
    expect(stale.data?.verifyDocument).toMatchObject({ code: "CONFLICT", currentVersion: 1 });
    const asResearcher = await t.gql(
      verifyMutation,
      { input: { id, version: 1, decision: "ACCEPTED" } },
      { token: researcher },
    );
    expect(asResearcher.data?.verifyDocument.code).toBe("FORBIDDEN");
  });
});
