// A request shared with a partner on its member's consent reaches that partner like one it
// submitted: its changes are POSTed to the partner's webhooks (a real local HTTP receiver, the
// real delivery worker) and announced on its `requestChanged` subscription (real graphql-ws
// clients); revoking the share stops both at once; a partner it was never shared with hears
// nothing. Staff record, list and revoke shares through the API with typed errors.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRequestRecord } from "../fixtures/requests.js";
import {
  type Json,
  socketClient,
  startTestApp,
  type TestApp,
  testConfig,
  testDeliveryWorker,
} from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let staff: string;
let researcher: string;
let memberId: string;
const clients: Client[] = [];

// ─── the partners' receiver: one path per partner ───
type Received = { path: string; headers: IncomingMessage["headers"]; body: Json };
const received: Received[] = [];
let receiver: Server;
let port = 0;

async function drain() {
  const worker = testDeliveryWorker(t.database.prisma, testConfig());
  try {
    return await worker.drain();
  } finally {
    await worker.stop();
  }
}

// ─── partners, each with a key that reads requests and manages webhooks ───
type Partner = { id: string; key: string; path: string };

async function partnerWithWebhook(path: string): Promise<Partner> {
  const { partner, key } = await createPartnerWithKey(t.database.prisma, [
    "REQUESTS_READ",
    "WEBHOOKS_MANAGE",
  ]);
  const registered = await t.gql<Json>(
    `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { __typename } }`,
    {
      input: {
        url: `http://127.0.0.1:${port}${path}`,
        events: ["REQUEST_STATUS_CHANGED", "REQUEST_DECIDED"],
      },
    },
    { token: key },
  );
  expect(registered.data?.registerWebhook.__typename).toBe("RegisterWebhookSuccess");
  return { id: partner.id, key, path };
}

/** What each event of a subscription carried in `extensions` (its cost), by subscription. */
const extensionsOf = new WeakMap<Json[], Json[]>();

/** A partner's open `requestChanged` subscription, collecting what it receives. */
async function subscribe(key: string) {
  const events: Json[] = [];
  const extensions: Json[] = [];
  extensionsOf.set(events, extensions);
  const client = socketClient(t.url, {
    connectionParams: { apiKey: key },
  });
  clients.push(client);
  const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
  client.subscribe(
    { query: "subscription { requestChanged { requestId change status } }" },
    {
      next: (event) => {
        extensions.push(event.extensions);
        events.push(event.data?.requestChanged ?? event);
      },
      error: (error) => events.push({ error }),
      complete: () => {},
    },
  );
  await connected;
  // The server subscribes to the pub/sub once the operation is read: give it that moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return events;
}

async function eventually(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

/** What a subscriber did not receive: checked once the one that did has had it, and a bit more. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

// ─── requests, shares and changes ───
async function inquiry() {
  return createRequestRecord(t.database.prisma, memberId, {
    typeCode: "INQUIRY",
    channel: "PHONE",
    status: "SUBMITTED",
    reference: `REQ-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
    submittedAt: new Date("2026-12-01T08:00:00Z"),
    decisionDueAt: new Date("2026-12-15T08:00:00Z"),
  });
}

const consent = {
  givenBy: "سارة أحمد القحطاني",
  method: "SIGNED_FORM",
  givenAt: "2026-12-01T09:00:00Z",
};

const shareMutation = `mutation($input: ShareRequestWithPartnerInput!) {
  shareRequestWithPartner(input: $input) {
    __typename
    ... on ShareRequestWithPartnerSuccess { request { id partnerShares { id partner { id nameAr } consentGivenBy consentMethod consentGivenAt recordedBy } } }
    ... on ValidationError { code message fieldErrors { path message } }
    ... on Error { code message }
  }
}`;

async function share(requestId: string, partnerId: string, token = staff, language?: string) {
  const result = await t.gql<Json>(
    shareMutation,
    {
      input: {
        request: gid("Request", requestId),
        partner: gid("Partner", partnerId),
        consent,
      },
    },
    { token, language },
  );
  return result.data?.shareRequestWithPartner ?? result;
}

const revokeMutation = `mutation($input: RevokeRequestPartnerShareInput!) {
  revokeRequestPartnerShare(input: $input) {
    __typename
    ... on RevokeRequestPartnerShareSuccess { request { id partnerShares { id } } }
    ... on Error { code message }
  }
}`;

async function revoke(shareId: string, token = staff, language?: string) {
  const result = await t.gql<Json>(revokeMutation, { input: { id: shareId } }, { token, language });
  return result.data?.revokeRequestPartnerShare ?? result;
}

async function startWork(request: { id: string }) {
  const { version } = await t.database.prisma.request.findUniqueOrThrow({
    where: { id: request.id },
  });
  const result = await t.gql<Json>(
    `mutation($input: StartWorkInput!) { startWork(input: $input) { __typename } }`,
    { input: { id: gid("Request", request.id), version } },
    { token: staff },
  );
  expect(result.data?.startWork.__typename, JSON.stringify(result)).toBe("StartWorkSuccess");
}

const deliveredTo = (who: Partner) => received.filter((r) => r.path === who.path);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
  t = await startTestApp();
  const db = t.database.prisma;
  await seedReferenceData(db);
  staff = (await signInStaff(t, "desk@test.sa", ["STAFF"])).token;
  researcher = (await signInStaff(t, "researcher@test.sa", ["RESEARCHER"])).token;
  memberId = (await createMemberRecord(db, { status: "ACTIVE" })).id;
});

beforeEach(() => {
  received.length = 0;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await t?.close();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

describe("a request shared with a partner", () => {
  it("reaches that partner's webhook and subscription; a partner never shared with hears nothing", async () => {
    const bank = await partnerWithWebhook("/hooks/bank");
    const charity = await partnerWithWebhook("/hooks/charity");
    const request = await inquiry();
    const shared = await share(request.id, bank.id);
    expect(shared.__typename, JSON.stringify(shared)).toBe("ShareRequestWithPartnerSuccess");
    expect(shared.request.partnerShares).toEqual([
      {
        id: expect.any(String),
        partner: { id: expect.any(String), nameAr: "جهة شريكة" },
        consentGivenBy: consent.givenBy,
        consentMethod: "SIGNED_FORM",
        consentGivenAt: "2026-12-01T09:00:00.000Z",
        recordedBy: expect.any(String),
      },
    ]);
    const bankEvents = await subscribe(bank.key);
    const charityEvents = await subscribe(charity.key);

    await startWork(request);
    await eventually(() => bankEvents.length === 1);
    expect(bankEvents[0]).toEqual({
      requestId: gid("Request", request.id),
      change: "START_WORK",
      status: "IN_PROGRESS",
    });
    // Each event carries the subscription's charge, made once when it started.
    expect(extensionsOf.get(bankEvents)?.[0]).toEqual({
      cost: {
        requested: expect.any(Number),
        remaining: expect.any(Number),
        limit: expect.any(Number),
        resetAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    const sent = await drain();
    expect(sent).toMatchObject({ sent: 1 });
    expect(deliveredTo(bank)).toHaveLength(1);
    expect(deliveredTo(bank)[0]?.body).toMatchObject({
      event: "REQUEST_STATUS_CHANGED",
      data: { request: { id: gid("Request", request.id), status: "IN_PROGRESS" } },
    });
    expect(deliveredTo(bank)[0]?.headers["x-wasl-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await settle();
    expect(charityEvents).toEqual([]);
    expect(deliveredTo(charity)).toEqual([]);

    // A request shared with no one: neither partner hears of it.
    const other = await inquiry();
    await startWork(other);
    await drain();
    await settle();
    expect(received).toHaveLength(1);
    expect(bankEvents).toHaveLength(1);
    expect(charityEvents).toEqual([]);
  });

  it("once revoked reaches the partner no more, and what was queued is not sent", async () => {
    const bank = await partnerWithWebhook("/hooks/bank-revoked");
    const request = await inquiry();
    const shared = await share(request.id, bank.id);
    const shareId = shared.request.partnerShares[0].id;
    const events = await subscribe(bank.key);

    // Queued while shared, revoked before the worker ran: cancelled, never sent.
    await startWork(request);
    await eventually(() => events.length === 1);
    const revoked = await revoke(shareId, staff, "en");
    expect(revoked, JSON.stringify(revoked)).toEqual({
      __typename: "RevokeRequestPartnerShareSuccess",
      request: { id: gid("Request", request.id), partnerShares: [] },
    });
    const db = t.database.prisma;
    expect(
      await db.notification.findMany({
        where: { webhookDelivery: { requestId: request.id } },
        select: { status: true },
      }),
    ).toEqual([{ status: "CANCELLED" }]);

    // From now on: no event on the open subscription, no delivery.
    const { version } = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    const resolved = await t.gql<Json>(
      `mutation($input: ResolveRequestInput!) { resolveRequest(input: $input) { __typename } }`,
      { input: { id: gid("Request", request.id), version, answer: "يصرف نهاية الشهر" } },
      { token: staff },
    );
    expect(resolved.data?.resolveRequest.__typename).toBe("ResolveRequestSuccess");
    await drain();
    await settle();
    expect(events).toHaveLength(1);
    expect(deliveredTo(bank)).toEqual([]);
    // Nor does the partner read it any more.
    const list = await t.gql<Json>(
      `{ partnerRequests(first: 10) { totalCount } }`,
      {},
      { token: bank.key },
    );
    expect(list.data?.partnerRequests.totalCount).toBe(0);
    expect(
      (await db.request.findUniqueOrThrow({ where: { id: request.id } })).sharedWithPartnerIds,
    ).toEqual([]);

    // The audit log keeps the consent that ended; revoking again finds nothing.
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "RequestPartnerShare", action: "DELETE", requestId: request.id },
    });
    expect(audit.changes).toMatchObject({
      givenBy: { before: consent.givenBy, after: null },
      method: { before: "SIGNED_FORM", after: null },
    });
    const again = await revoke(shareId, staff, "en");
    expect(again).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect(again.message).toBe("The record was not found.");

    // Shared again (a new consent): heard again.
    expect((await share(request.id, bank.id)).__typename).toBe("ShareRequestWithPartnerSuccess");
    const closeVersion = (await db.request.findUniqueOrThrow({ where: { id: request.id } }))
      .version;
    const closed = await t.gql<Json>(
      `mutation($input: CloseRequestInput!) { closeRequest(input: $input) { __typename } }`,
      { input: { id: gid("Request", request.id), version: closeVersion } },
      { token: staff },
    );
    expect(closed.data?.closeRequest.__typename, JSON.stringify(closed)).toBe(
      "CloseRequestSuccess",
    );
    await eventually(() => events.length === 2);
    await drain();
    expect(deliveredTo(bank).map((r) => r.body.data.request.status)).toEqual(["CLOSED"]);
  });
});

describe("recording and revoking shares", () => {
  it("lists the partners to share with and refuses what makes no sense, in the caller's language", async () => {
    const bank = await partnerWithWebhook("/hooks/bank-checks");
    const db = t.database.prisma;
    await db.partner.create({
      data: { name: "Closed", nameAr: "جهة موقوفة", contactEmail: "a@b.sa", active: false },
    });
    const choices = await t.gql<Json>(
      `{ shareablePartners { id name nameAr } }`,
      {},
      {
        token: staff,
      },
    );
    const names = choices.data?.shareablePartners.map((p: Json) => p.nameAr);
    expect(names).toContain("جهة شريكة");
    expect(names).not.toContain("جهة موقوفة");
    // A ShareablePartner's ID is accepted where a partner is asked for.
    const request = await inquiry();
    const byChoice = await t.gql<Json>(
      shareMutation,
      {
        input: {
          request: gid("Request", request.id),
          partner: choices.data?.shareablePartners.find((p: Json) => rawId(p.id) === bank.id).id,
          consent,
        },
      },
      { token: staff },
    );
    expect(byChoice.data?.shareRequestWithPartner.__typename).toBe(
      "ShareRequestWithPartnerSuccess",
    );
    // Twice: refused, naming the partner field, in Arabic by default.
    const twice = await share(request.id, bank.id);
    expect(twice.__typename).toBe("ValidationError");
    expect(twice.fieldErrors).toEqual([
      { path: ["input", "partner"], message: "هذا الطلب مشارَك مع هذه الجهة أصلاً." },
    ]);
    // With the partner that submitted it: it follows it already.
    const submitted = await createRequestRecord(db, memberId, {
      typeCode: "INQUIRY",
      channel: "PARTNER",
      partnerId: bank.id,
      status: "SUBMITTED",
    });
    const own = await share(submitted.id, bank.id, staff, "en");
    expect(own.fieldErrors).toEqual([
      {
        path: ["input", "partner"],
        message: "This partner submitted the request: it follows it without a share.",
      },
    ]);
    // A request that does not exist is not found (nor locked, nor written).
    const missing = await share("0193aaaa-0000-7000-8000-000000000000", bank.id);
    expect(missing).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    // Consent in the future; nothing written by a refused share.
    const future = await t.gql<Json>(
      shareMutation,
      {
        input: {
          request: gid("Request", submitted.id),
          partner: gid("Partner", (await partnerWithWebhook("/hooks/x")).id),
          consent: { ...consent, givenAt: "2099-01-01T00:00:00Z" },
        },
      },
      { token: staff },
    );
    expect(future.data?.shareRequestWithPartner.fieldErrors[0].path).toEqual(["input", "givenAt"]);
    expect(
      (await db.request.findUniqueOrThrow({ where: { id: submitted.id } })).sharedWithPartnerIds,
    ).toEqual([]);
  });

  it("is the member desk's: a researcher neither lists, shares nor revokes", async () => {
    const bank = await partnerWithWebhook("/hooks/bank-roles");
    const request = await inquiry();
    const shareId = (await share(request.id, bank.id)).request.partnerShares[0].id;
    const refused = await share(request.id, bank.id, researcher);
    expect(refused.__typename).toBe("ForbiddenError");
    expect((await revoke(shareId, researcher)).__typename).toBe("ForbiddenError");
    const listed = await t.gql<Json>(`{ shareablePartners { id } }`, {}, { token: researcher });
    expect(listed.data?.shareablePartners).toBeNull();
    // A partner cannot revoke a share either (nor read the shares).
    expect((await revoke(shareId, bank.key)).__typename).toBe("ForbiddenError");
    const row = await t.database.prisma.requestPartnerShare.count({
      where: { requestId: request.id },
    });
    expect(row).toBe(1);
  });
});
