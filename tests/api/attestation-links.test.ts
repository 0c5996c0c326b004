// The electronic attestation: staff send the member a single-use link; the member opens it
// without an account, reads the declaration and the data, and signs. The link works once,
// expires, is replaced by a newer one, and signs nothing if the data changed after reading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import { notificationTemplates } from "../../prisma/seed/content.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
let staff: string;
let committee: string;
const sendMutation = `mutation($input: SendAttestationLinkInput!) { sendAttestationLink(input: $input) {
  __typename
  ... on SendAttestationLinkSuccess { link { expiresAt messagesQueued } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { code message }
} }`;
const linkQuery = `query($token: String!) { attestationLink(token: $token) { state expiresAt
  details { dataHash reference subject amountRequested memberName nationalIdMasked familySize
    monthlyIncome maritalStatus text { version textAr } } } }`;
const signMutation = `mutation($input: SignAttestationByLinkInput!) { signAttestationByLink(input: $input) {
  __typename
  ... on SignAttestationByLinkSuccess { attestation { signedAt } }
  ... on ValidationError { fieldErrors { path message } }
  ... on Error { code message }
} }`;

beforeAll(async () => {
  t = await startTestApp({ env: { WASL_PUBLIC_URL: "https://wasl.example.sa/" } });
  db = t.database.prisma;
  await seedRequestRules(db);
  await db.requestType.create({
    data: { code: "INQUIRY", nameAr: "استفسار", nameEn: "Inquiry", committeeDecides: false },
  });
  await db.notificationTemplate.createMany({ data: notificationTemplates() });
  staff = (await signInStaff(t, "desk@test.sa", ["STAFF"])).token;
  committee = (await signInStaff(t, "committee@test.sa", ["COMMITTEE_MEMBER"])).token;
});
afterAll(() => t?.close());

/** A request needing an attestation, the link sent for it, and the token from the SMS. */
async function linkSent(memberOverrides: Record<string, unknown> = {}) {
  const member = await createMemberRecord(db, {
    familySize: 6,
    monthlyIncome: "2800.00",
    maritalStatus: "MARRIED",
    email: `m${Math.random().toString(36).slice(2)}@example.com`,
    ...memberOverrides,
  });
  const request = await createRequestRecord(db, member.id, { reference: null });
  const sent: Json = await t.gql(
    sendMutation,
    { input: { request: gid("Request", request.id) } },
    { token: staff },
  );
  return {
    member,
    request,
    sent: sent.data.sendAttestationLink,
    token: await lastToken(request.id),
  };
}

async function lastToken(requestId: string): Promise<string> {
  const sms = await db.notification.findFirstOrThrow({
    where: { requestId, event: "ATTESTATION_REQUESTED", channel: "SMS" },
    orderBy: { createdAt: "desc" },
  });
  const token = sms.body.match(/https:\/\/wasl\.example\.sa\/attest#([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no link in: ${sms.body}`);
  return token;
}

describe("sending the link", () => {
  it("queues it to the member's mobile and e-mail, stores only its hash, and logs it", async () => {
    const { request, sent, token } = await linkSent();
    expect(sent.__typename).toBe("SendAttestationLinkSuccess");
    expect(sent.link.messagesQueued).toBe(2);
    const expires = new Date(sent.link.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(2.9 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(3 * 86_400_000);
    const email = await db.notification.findFirstOrThrow({
      where: { requestId: request.id, channel: "EMAIL" },
    });
    expect(email.subject).toContain("وقّع إقرار طلبك");
    expect(email.body).toContain(`https://wasl.example.sa/attest#${token}`);
    const code = await db.memberAccessCode.findFirstOrThrow({ where: { requestId: request.id } });
    expect(code.purpose).toBe("ATTESTATION");
    expect(JSON.stringify(code)).not.toContain(token);
    expect(
      await db.timelineEvent.count({
        where: { requestId: request.id, kind: "NOTIFICATION_QUEUED" },
      }),
    ).toBe(1);
    expect(
      await db.auditEntry.count({
        where: { requestId: request.id, entityType: "MemberAccessCode" },
      }),
    ).toBe(1);
  });

  it("is refused for a type without attestation, and to roles that do not record attestations", async () => {
    const member = await createMemberRecord(db);
    const inquiry = await createRequestRecord(db, member.id, {
      typeCode: "INQUIRY",
      amountRequested: null,
    });
    const refused: Json = await t.gql(
      sendMutation,
      { input: { request: gid("Request", inquiry.id) } },
      { token: staff, language: "en" },
    );
    expect(refused.data.sendAttestationLink.fieldErrors).toEqual([
      { path: ["input", "request"], message: "This type of request needs no attestation." },
    ]);
    const request = await createRequestRecord(db, member.id);
    const forbidden: Json = await t.gql(
      sendMutation,
      { input: { request: gid("Request", request.id) } },
      { token: committee },
    );
    expect(forbidden.data.sendAttestationLink.code).toBe("FORBIDDEN");
    expect(await db.memberAccessCode.count({ where: { memberId: member.id } })).toBe(0);
  });
});

describe("the member's link", () => {
  it("shows the declaration and the data without an account, then signs once as the member", async () => {
    const { member, request, token } = await linkSent();
    const read: Json = await t.gql(linkQuery, { token });
    expect(read.errors).toBeUndefined();
    const link = read.data.attestationLink;
    expect(link.state).toBe("VALID");
    expect(link.details).toMatchObject({
      subject: request.subject,
      amountRequested: "4500.00",
      memberName: member.fullNameAr,
      familySize: 6,
      monthlyIncome: "2800.00",
      maritalStatus: "MARRIED",
      text: { version: 1 },
    });
    expect(link.details.nationalIdMasked).toMatch(/^1\*{7}\d{2}$/);

    const signed: Json = await t.gql(signMutation, {
      input: { token, dataHash: link.details.dataHash },
    });
    expect(signed.data.signAttestationByLink.__typename).toBe("SignAttestationByLinkSuccess");
    const attestation = await db.attestation.findFirstOrThrow({ where: { requestId: request.id } });
    expect(attestation).toMatchObject({ method: "ELECTRONIC", recordedById: null });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "Attestation", entityId: attestation.id },
    });
    expect(audit).toMatchObject({ actorKind: "MEMBER", actorId: member.id });
    const shown: Json = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Request { attestation { status method } } } }`,
      { id: gid("Request", request.id) },
      { token: staff },
    );
    expect(shown.data.node.attestation).toEqual({ status: "SIGNED", method: "ELECTRONIC" });

    const again: Json = await t.gql(
      signMutation,
      { input: { token, dataHash: link.details.dataHash } },
      { language: "en" },
    );
    expect(again.data.signAttestationByLink.fieldErrors[0].message).toBe(
      "This signing link has already been used. Ask the association for a new one if needed.",
    );
    const used: Json = await t.gql(linkQuery, { token });
    expect(used.data.attestationLink).toMatchObject({ state: "USED", details: null });
    expect(await db.attestation.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("signs nothing when the data changed after the member read them, and keeps the link usable", async () => {
    const { request, token } = await linkSent();
    const read: Json = await t.gql(linkQuery, { token });
    await db.request.update({ where: { id: request.id }, data: { amountRequested: "6000.00" } });
    const refused: Json = await t.gql(signMutation, {
      input: { token, dataHash: read.data.attestationLink.details.dataHash },
    });
    expect(refused.data.signAttestationByLink.fieldErrors).toEqual([
      {
        path: ["input", "dataHash"],
        message:
          "تغيّرت بيانات الطلب بعد أن قرأتها. أعد فتح الرابط واقرأ البيانات المحدّثة قبل التوقيع.",
      },
    ]);
    expect(await db.attestation.count({ where: { requestId: request.id } })).toBe(0);
    const reread: Json = await t.gql(linkQuery, { token });
    expect(reread.data.attestationLink.details.amountRequested).toBe("6000.00");
    const signed: Json = await t.gql(signMutation, {
      input: { token, dataHash: reread.data.attestationLink.details.dataHash },
    });
    expect(signed.data.signAttestationByLink.__typename).toBe("SignAttestationByLinkSuccess");
  });

  it("stops working when a newer link is sent or when it expires; unknown tokens show nothing", async () => {
    const { request, token: first } = await linkSent();
    await t.gql(sendMutation, { input: { request: gid("Request", request.id) } }, { token: staff });
    const second = await lastToken(request.id);
    expect(second).not.toBe(first);
    expect((await t.gql<Json>(linkQuery, { token: first })).data.attestationLink.state).toBe(
      "EXPIRED",
    );
    await db.memberAccessCode.updateMany({
      where: { requestId: request.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired: Json = await t.gql(
      signMutation,
      { input: { token: second, dataHash: "0".repeat(64) } },
      { language: "en" },
    );
    expect(expired.data.signAttestationByLink.fieldErrors[0].message).toBe(
      "This signing link has expired. Ask the association for a new one.",
    );
    for (const token of ["A".repeat(43), "not-a-token", ""]) {
      expect((await t.gql<Json>(linkQuery, { token })).data.attestationLink).toBeNull();
    }
    const unknown: Json = await t.gql(signMutation, {
      input: { token: "A".repeat(43), dataHash: "0".repeat(64) },
    });
    expect(unknown.data.signAttestationByLink.code).toBe("NOT_FOUND");
  });

  it("tells staff watching live when the member signs", async () => {
    const { request, token } = await linkSent();
    const client = socketClient(t.url, {
      connectionParams: { authorization: `Bearer ${staff}` },
      lazy: false,
    });
    try {
      const connected = new Promise((resolve) => client.on("connected", resolve));
      const received = new Promise<Json>((resolve, reject) =>
        client.subscribe(
          { query: "subscription { requestChanged { requestId change status } }" },
          { next: resolve, error: reject, complete: () => resolve(null) },
        ),
      );
      await connected;
      await new Promise((resolve) => setTimeout(resolve, 150));
      const read: Json = await t.gql(linkQuery, { token });
      await t.gql(signMutation, {
        input: { token, dataHash: read.data.attestationLink.details.dataHash },
      });
      expect((await received).data.requestChanged).toEqual({
        requestId: gid("Request", request.id),
        change: "ATTESTATION_SIGNED",
        status: "DRAFT",
      });
    } finally {
      await client.dispose();
    }
  });

  it("has its page at /attest, not cached and sending no referrer", async () => {
    const response = await fetch(`${t.url}/attest`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await response.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain("attestationLink(token: $token)");
    // Only its own inline script and style run, by their hashes, and the shared files.
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
    expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
    expect(policy).not.toContain("unsafe-inline");
    expect(page).toContain('from "/member-page.js"');
    const shared = await fetch(`${t.url}/member-page.js`);
    expect(shared.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await shared.text()).toContain("export async function graphql(");
    const look = await fetch(`${t.url}/member-page.css`);
    expect(look.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });
});
