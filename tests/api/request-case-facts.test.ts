// What the panel reads instead of keeping its own copies: `Request.mayAttachDocuments` (the
// life cycle's open-file states and the caller's roles) and `Request.gaps` (what submitting
// would report). Each is checked against what the API then does: an upload is accepted
// exactly where mayAttachDocuments said so, and submitting refuses with exactly the gaps read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRules } from "../../api/auth/permissions.js";
import type { RequestStatus, Role } from "../../api/db/generated/enums.js";
import { flowStates } from "../../api/modules/requests/lifecycle.js";
import { requestTypeDefinition } from "../../prisma/seed/request-types.js";
import { createRequestRecord, sampleFile, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { createMemberRecord, createStaffUser, password } from "../helpers/fixtures.js";

let t: TestApp;
let memberId: string;
let researcherId: string;
const tokens: Partial<Record<Role, string>> = {};
const roles: Role[] = ["ADMIN", "STAFF", "RESEARCHER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"];

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const caseQuery = `query($id: ID!) { request(id: $id) { status version mayAttachDocuments gaps { kind name message } } }`;

async function readCase(id: string, token: string | undefined): Promise<Json> {
  const result = await t.gql(caseQuery, { id: gid("Request", id) }, { token });
  return result.data?.request ?? null;
}

async function upload(requestId: string, token: string): Promise<string> {
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({
      query: `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename } }`,
      variables: {
        input: { request: gid("Request", requestId), kind: "NATIONAL_ID_COPY", file: null },
      },
    }),
  );
  form.append("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.append(
    "0",
    new File([new Uint8Array(sampleFile("sample.pdf"))], "id.pdf", { type: "application/pdf" }),
  );
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "x-wasl-csrf": "1", authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as Json;
  return body.data?.uploadDocument.__typename ?? body.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.prisma;
  await seedRequestRules(db);
  for (const role of roles) {
    const user = await createStaffUser(db, `${role.toLowerCase()}@facts.test`, [role]);
    if (role === "RESEARCHER") researcherId = user.id;
    tokens[role] = await t.signIn(`${role.toLowerCase()}@facts.test`, password);
  }
  memberId = (await createMemberRecord(db)).id;
});

afterAll(() => t?.close());

describe("Request.mayAttachDocuments", () => {
  const states = [...new Set([...flowStates.COMMITTEE, ...flowStates.SERVICE])] as RequestStatus[];
  const closed: RequestStatus[] = ["COMPLETED", "WITHDRAWN", "CLOSED"];
  const uploaders = accessRules.documents.upload as readonly string[];

  it("is true exactly for an open file and a role that uploads, for every role and state", async () => {
    for (const status of states) {
      const request = await createRequestRecord(t.database.prisma, memberId, {
        status,
        researcherId,
      });
      for (const role of roles) {
        const read = await readCase(request.id, tokens[role]);
        expect({ status, role, may: read.mayAttachDocuments }).toEqual({
          status,
          role,
          may: !closed.includes(status) && uploaders.includes(role),
        });
      }
    }
  });

  it("says what uploadDocument then does, decided states included", async () => {
    for (const status of states) {
      const request = await createRequestRecord(t.database.prisma, memberId, { status });
      const staff = tokens.STAFF as string;
      const { mayAttachDocuments } = await readCase(request.id, staff);
      const outcome = await upload(request.id, staff);
      expect({ status, outcome }).toEqual({
        status,
        outcome: mayAttachDocuments ? "UploadDocumentSuccess" : "ValidationError",
      });
    }
  });
});

describe("Request.gaps", () => {
  it("lists what submitting refuses with, for every reader alike, and shrinks as the file fills", async () => {
    const draft = await createRequestRecord(t.database.prisma, memberId, {
      amountRequested: null,
      researcherId,
    });
    const staff = tokens.STAFF as string;
    const read = await readCase(draft.id, staff);
    const names = (gaps: Json[]) => gaps.map((g: Json) => `${g.kind}:${g.name}`).sort();
    expect(names(read.gaps)).toEqual([
      "MISSING_DOCUMENT:INCOME_PROOF",
      "MISSING_DOCUMENT:NATIONAL_ID_COPY",
      "MISSING_FIELD:amountRequested",
      "UNSIGNED_ATTESTATION:attestation",
    ]);
    for (const role of roles) {
      expect(names((await readCase(draft.id, tokens[role])).gaps)).toEqual(names(read.gaps));
    }
    const submitted = await t.gql(
      `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { __typename ... on IncompleteRequestError { gaps { kind name message } } } }`,
      { input: { id: gid("Request", draft.id), version: read.version } },
      { token: staff },
    );
    expect(submitted.data?.submitRequest.__typename).toBe("IncompleteRequestError");
    expect(submitted.data?.submitRequest.gaps).toEqual(read.gaps);

    expect(await upload(draft.id, staff)).toBe("UploadDocumentSuccess");
    expect(names((await readCase(draft.id, staff)).gaps)).not.toContain(
      "MISSING_DOCUMENT:NATIONAL_ID_COPY",
    );
  });

  it("is empty for a complete request, and out of reach of those who may not read it", async () => {
    const complete = await t.database.prisma.requestType.create({
      data: { ...requestTypeDefinition("INQUIRY") },
    });
    const inquiry = await createRequestRecord(t.database.prisma, memberId, {
      typeCode: complete.code,
      amountRequested: null,
    });
    expect((await readCase(inquiry.id, tokens.STAFF)).gaps).toEqual([]);
    // Not referred to this researcher, and no caller at all: the node itself is out of reach.
    expect(await readCase(inquiry.id, tokens.RESEARCHER)).toBeNull();
    expect(await readCase(inquiry.id, undefined)).toBeNull();
  });
});
