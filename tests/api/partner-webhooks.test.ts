// Partners' webhooks end to end: a partner registers through the API with its key, staff move
// requests, the delivery worker (on a clock the test moves) POSTs to a real local HTTP receiver
// that checks the signature as a partner would. The receiver goes down, refuses, stalls and
// redirects; the log and resend are read through the API.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse, validate } from "graphql";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../api/db/commands.js";
import type { ValidationError } from "../../api/errors.js";
import { schema } from "../../api/graphql/schema.js";
import type { DeliveryWorker } from "../../api/modules/notifications/delivery.js";
import { registerWebhook } from "../../api/modules/partners/webhooks.js";
import {
  replayWindowSeconds,
  verifyWebhookSignature,
} from "../../api/modules/partners/webhooks-delivery.js";
import { transitionRequest } from "../../api/modules/requests/transition.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import {
  type Json,
  startTestApp,
  type TestApp,
  testConfig,
  testDeliveryWorker,
} from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  outsideMeeting,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";
import { freePort, repoRoot } from "../helpers/process.js";

let t: TestApp;
let staff: Awaited<ReturnType<typeof signInStaff>>;
let admin: string;
let chair: string;
let memberId: string;

/** A clock the test moves: retries come due, and signatures are dated, when it says. */
let clock = new Date();
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

// ─── the partner's receiver ───
type Received = { path: string; headers: IncomingMessage["headers"]; body: string };
const received: Received[] = [];
/** How the receiver answers: a status, a redirect, or holding the request until released. */
let answer: { status: number; location?: string } | "hold" = { status: 200 };
let held: ServerResponse[] = [];
let receiver: Server | undefined;
let port = 0;

async function startReceiver() {
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      if (answer === "hold") held.push(res);
      else
        res
          .writeHead(answer.status, answer.location ? { location: answer.location } : {})
          .end(answer.status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => receiver!.listen(port, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
}

async function stopReceiver() {
  for (const res of held) res.destroy();
  held = [];
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
}

const hookUrl = (path = "/hooks/wasl") => `http://127.0.0.1:${port}${path}`;

function worker(env: Record<string, string> = {}): DeliveryWorker {
  const config = testConfig({ WASL_DELIVERY_BACKOFF_MS: "1000", ...env });
  return testDeliveryWorker(t.database.prisma, config, { now: () => clock, random: () => 0.5 });
}

async function drain(env: Record<string, string> = {}) {
  const delivery = worker(env);
  try {
    return await delivery.drain();
  } finally {
    await delivery.stop();
  }
}

// ─── partners and their webhooks ───
type Partner = { id: string; key: string };

async function partner(scopes: Parameters<typeof createPartnerWithKey>[1]): Promise<Partner> {
  const { partner, key } = await createPartnerWithKey(t.database.prisma, scopes);
  return { id: partner.id, key };
}

const registerMutation = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    __typename
    ... on RegisterWebhookSuccess { registration { secret webhook { id url events active } } }
    ... on ValidationError { code fieldErrors { path message } }
    ... on ForbiddenError { code message }
  }
}`;

async function register(
  who: Partner,
  input: Record<string, unknown> = {},
  language?: string,
): Promise<Json> {
  const result = await t.gql<Json>(
    registerMutation,
    { input: { url: hookUrl(), events: ["REQUEST_STATUS_CHANGED"], ...input } },
    { token: who.key, language },
  );
  return result;
}

async function registered(who: Partner, input: Record<string, unknown> = {}) {
  const result = await register(who, input);
  const registration = result.data?.registerWebhook.registration;
  expect(registration, JSON.stringify(result)).toBeTruthy();
  return registration as { secret: string; webhook: { id: string } };
}

// ─── requests and their changes ───
async function partnerRequest(partnerId: string | null, status = "SUBMITTED" as const) {
  return createRequestRecord(t.database.prisma, memberId, {
    typeCode: "INQUIRY",
    channel: partnerId ? "PARTNER" : "PHONE",
    partnerId,
    status,
    reference: `REQ-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
    submittedAt: new Date("2026-12-01T08:00:00Z"),
    decisionDueAt: new Date("2026-12-15T08:00:00Z"),
  });
}

async function startWork(request: { id: string; version: number }) {
  const result = await t.gql<Json>(
    `mutation($input: StartWorkInput!) { startWork(input: $input) { __typename } }`,
    { input: { id: gid("Request", request.id), version: request.version } },
    { token: staff.token },
  );
  expect(result.data?.startWork.__typename, JSON.stringify(result)).toBe("StartWorkSuccess");
  // Its deliveries are due from the change's real time: the worker's clock catches up.
  clock = new Date(Math.max(clock.getTime(), Date.now()));
}

const deliveriesQuery = `query($filter: WebhookDeliveryFilter) {
  webhookDeliveries(first: 20, filter: $filter) {
    totalCount
    edges { node {
      id event status attemptCount lastError payload requestReference url deliveredAt
      webhook { id }
      attempts { attempt succeeded responseCode durationMs error }
    } }
  }
}`;

beforeAll(async () => {
  await startReceiver();
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedRequestRules(db);
  await seedReferenceData(db);
  staff = await signInStaff(t, "desk@test.sa", ["STAFF"]);
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  chair = (await signInStaff(t, "chair@test.sa", ["COMMITTEE_CHAIR"])).token;
  memberId = (await createMemberRecord(db, { status: "ACTIVE" })).id;
});

afterAll(async () => {
  await t?.close();
  await stopReceiver();
});

beforeEach(async () => {
  // Each test reads its own deliveries: what earlier tests left is out of the way.
  await t.database.prisma.notification.updateMany({
    where: { status: { in: ["PENDING", "SENDING"] } },
    data: { status: "CANCELLED" },
  });
  await t.database.prisma.webhook.updateMany({ data: { active: false } });
  received.length = 0;
  answer = { status: 200 };
  clock = new Date();
});

afterEach(() => {
  for (const res of held) res.end();
  held = [];
});

describe("registering a webhook", () => {
  it("answers the secret once and lists the webhook for its partner only", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const other = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const { secret, webhook } = await registered(bank, { description: "حالة الطلبات" });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = `{ webhooks(first: 10) { totalCount edges { node { id url events active description } } } }`;
    const own = await t.gql<Json>(list, {}, { token: bank.key });
    expect(own.data?.webhooks.edges).toEqual([
      {
        node: {
          id: webhook.id,
          url: hookUrl(),
          events: ["REQUEST_STATUS_CHANGED"],
          active: true,
          description: "حالة الطلبات",
        },
      },
    ]);
    // The secret is nowhere in the schema after this answer.
    expect(JSON.stringify(own)).not.toContain(secret);
    const theirs = await t.gql<Json>(list, {}, { token: other.key });
    expect(theirs.data?.webhooks.totalCount).toBe(0);
    // By global ID, another partner's webhook is not readable either.
    const node = await t.gql<Json>(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: webhook.id },
      { token: other.key },
    );
    expect(node.data?.node ?? null).toBeNull();
    // Admins see every partner's, with the partner's name; staff do not.
    const all = await t.gql<Json>(
      `{ webhooks(first: 10) { edges { node { id partnerName } } } }`,
      {},
      { token: admin },
    );
    expect(all.data?.webhooks.edges, JSON.stringify(all)).toContainEqual({
      node: { id: webhook.id, partnerName: "Partner" },
    });
    const desk = await t.gql<Json>(list, {}, { token: staff.token });
    expect(desk.data?.webhooks).toBeNull();
    expect(desk.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a bad URL, no event, and an event the key's scopes do not allow, naming the field", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: "not a url" }, "url", /not a valid URL/],
      [{ url: "ftp://partner.example/hook" }, "url", /https:\/\//],
      // Plain HTTP is for this machine only (development and tests).
      [{ url: "http://partner.example/hook" }, "url", /https:\/\//],
      [{ url: "https://user:pass@partner.example/hook" }, "url", /password/],
      [{ events: [] }, "events", /at least one event/],
    ];
    for (const [input, field, message] of cases) {
      const result = await register(bank, input, "en");
      expect(result.data?.registerWebhook, JSON.stringify(input)).toMatchObject({
        __typename: "ValidationError",
        code: "VALIDATION_FAILED",
        fieldErrors: [{ path: ["input", field], message: expect.stringMatching(message) }],
      });
    }
    const arabic = await register(bank, { url: "ftp://x" });
    expect(arabic.data?.registerWebhook.fieldErrors[0].message).toMatch(/https/);
    expect(arabic.data?.registerWebhook.fieldErrors[0].message).toMatch(/يجب/);

    // An event the key is not scoped for: requests:read is needed to be told about requests.
    const blind = await partner(["WEBHOOKS_MANAGE"]);
    const unscoped = await register(blind, { events: ["REQUEST_DECIDED"] }, "en");
    expect(unscoped.data?.registerWebhook).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [
        {
          path: ["input", "events"],
          message: expect.stringMatching(/REQUEST_DECIDED.*REQUESTS_READ/),
        },
      ],
    });
    // An unknown event never reaches the resolver: the enum refuses it, naming the field.
    const unknown = await register(bank, { events: ["MEMBER_DIED"] });
    expect(unknown.errors?.[0]?.message).toMatch(/input\.events/);
    expect(unknown.errors?.[0]?.message).toMatch(/WebhookEvent/);
    // Nothing was written by any refusal.
    expect(await t.database.prisma.webhook.count({ where: { partnerId: blind.id } })).toBe(0);
  });

  it("in production, refuses plain HTTP and this machine's own address", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const caller = await t.app.services.partnerKeys.resolve(bank.key, "127.0.0.1");
    const inProduction = (url: string) =>
      run(t.app.services, caller!, registerWebhook, {
        url,
        events: ["REQUEST_STATUS_CHANGED"],
        allowLoopbackHttp: false,
      });
    const refusal = (url: string) =>
      inProduction(url).then(
        () => null,
        (error: ValidationError) => error.fieldErrors.map((e) => [e.path, e.messageKey]),
      );
    expect(await refusal(hookUrl())).toEqual([[["input", "url"], "webhooks.urlNotHttps"]]);
    expect(await refusal("https://localhost/hooks")).toEqual([
      [["input", "url"], "webhooks.urlLoopback"],
    ]);
    expect((await inProduction("https://partner.example/hooks")).webhook.url).toBe(
      "https://partner.example/hooks",
    );
  });

  it("refuses callers without the scope with a typed error", async () => {
    const verifier = await partner(["MEMBERSHIP_VERIFY", "REQUESTS_READ"]);
    const result = await register(verifier);
    expect(result.data?.registerWebhook).toMatchObject({
      __typename: "ForbiddenError",
      code: "FORBIDDEN",
    });
    const anonymous = await t.gql<Json>(registerMutation, {
      input: { url: hookUrl(), events: ["REQUEST_STATUS_CHANGED"] },
    });
    expect(anonymous.data?.registerWebhook.__typename).toBe("UnauthenticatedError");
    const desk = await t.gql<Json>(
      registerMutation,
      { input: { url: hookUrl(), events: ["REQUEST_STATUS_CHANGED"] } },
      { token: staff.token },
    );
    expect(desk.data?.registerWebhook.__typename).toBe("ForbiddenError");
  });
});

describe("a status change", () => {
  it("delivers a signed payload whose signature verifies and whose timestamp is checked", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const { secret, webhook } = await registered(bank);
    const request = await partnerRequest(bank.id);
    await startWork(request);
    // Queued with the change, before any worker ran.
    const queued = await t.database.prisma.webhookDelivery.findMany({
      where: { webhookId: rawId(webhook.id) },
      include: { notification: true },
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.notification).toMatchObject({ channel: "WEBHOOK", status: "PENDING" });

    expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const { headers, body, path } = received[0]!;
    expect(path).toBe("/hooks/wasl");
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["x-wasl-event"]).toBe("REQUEST_STATUS_CHANGED");
    expect(headers["x-wasl-delivery"]).toBe(queued[0]!.id);
    const signature = String(headers["x-wasl-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature).toContain(`t=${seconds(clock)}`);

    // The receiver's check: the right secret and a fresh timestamp verify…
    expect(verifyWebhookSignature(secret, signature, body, seconds(clock))).toBe(true);
    expect(
      verifyWebhookSignature(secret, signature, body, seconds(clock) + replayWindowSeconds),
    ).toBe(true);
    // …a replay after the window, a changed body or another secret do not.
    expect(
      verifyWebhookSignature(secret, signature, body, seconds(clock) + replayWindowSeconds + 1),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        secret,
        signature,
        body.replace("IN_PROGRESS", "APPROVED"),
        seconds(clock),
      ),
    ).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, signature, body, seconds(clock))).toBe(false);

    // The payload: status and dates of the request, nothing personal.
    const payload = JSON.parse(body);
    expect(payload).toEqual({
      id: queued[0]!.id,
      event: "REQUEST_STATUS_CHANGED",
      occurredAt: expect.any(String),
      data: {
        request: {
          id: gid("Request", request.id),
          reference: request.reference,
          status: "IN_PROGRESS",
          previousStatus: "SUBMITTED",
          submittedAt: "2026-12-01T08:00:00.000Z",
          decisionDueAt: "2026-12-15T08:00:00.000Z",
          decidedAt: null,
          completedAt: null,
          closedAt: null,
          withdrawnAt: null,
        },
      },
    });
    expect(body).not.toContain(request.subject);

    // Not the members' outbox: staff neither list nor read it there.
    const outbox = await t.gql<Json>(
      `query($id: ID!) { outbox(first: 50) { edges { node { id } } } node(id: $id) { id } }`,
      { id: gid("Notification", queued[0]!.id) },
      { token: staff.token },
    );
    expect(outbox.data?.outbox.edges.map((e: Json) => e.node.id)).not.toContain(
      gid("Notification", queued[0]!.id),
    );
    expect(outbox.data?.node ?? null).toBeNull();

    // The log, as the partner reads it.
    const logged = await t.gql<Json>(deliveriesQuery, {}, { token: bank.key });
    expect(logged.data?.webhookDeliveries.edges[0].node).toMatchObject({
      event: "REQUEST_STATUS_CHANGED",
      status: "SENT",
      attemptCount: 1,
      lastError: null,
      payload: body,
      requestReference: request.reference,
      attempts: [{ attempt: 1, succeeded: true, responseCode: 200, error: null }],
    });
    expect(
      logged.data?.webhookDeliveries.edges[0].node.attempts[0].durationMs,
    ).toBeGreaterThanOrEqual(0);
  });

  it("tells a decision to webhooks subscribed to it, with the new status", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const { secret } = await registered(bank, {
      events: ["REQUEST_DECIDED", "REQUEST_STATUS_CHANGED"],
    });
    const request = await createRequestRecord(t.database.prisma, memberId, {
      status: "IN_COMMITTEE",
      partnerId: bank.id,
      channel: "PARTNER",
      reference: `REQ-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
      submittedAt: new Date(),
      amountRequested: "1500.00",
    });
    const decided = await t.gql<Json>(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { __typename } }`,
      {
        input: {
          id: gid("Request", request.id),
          version: request.version,
          decision: "REJECTED",
          reason: "لا تنطبق الشروط",
          ...outsideMeeting,
          votesFor: 1,
          votesAgainst: 3,
        },
      },
      { token: chair },
    );
    expect(decided.data?.recordDecision.__typename, JSON.stringify(decided)).toBe(
      "RecordDecisionSuccess",
    );
    clock = new Date();
    expect(await drain()).toMatchObject({ sent: 2 });
    const events = received.map((r) => r.headers["x-wasl-event"]).sort();
    expect(events).toEqual(["REQUEST_DECIDED", "REQUEST_STATUS_CHANGED"]);
    for (const r of received) {
      expect(
        verifyWebhookSignature(
          secret,
          String(r.headers["x-wasl-signature"]),
          r.body,
          seconds(clock),
        ),
      ).toBe(true);
      const { data } = JSON.parse(r.body);
      expect(data.request).toMatchObject({ status: "REJECTED", previousStatus: "IN_COMMITTEE" });
      expect(data.request.decidedAt).not.toBeNull();
      // The reason is the member's, not the partner's.
      expect(r.body).not.toContain("لا تنطبق");
    }
  });

  it("reaches only partners that may read the request", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const other = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const revoked = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    await registered(bank, { url: hookUrl("/bank") });
    await registered(other, { url: hookUrl("/other") });
    await registered(revoked, { url: hookUrl("/revoked") });
    // The revoked partner's request: once its key is revoked, it reads nothing more.
    const ofRevoked = await partnerRequest(revoked.id);
    await t.database.prisma.apiKey.updateMany({
      where: { partnerId: revoked.id },
      data: { revokedAt: new Date() },
    });
    await startWork(await partnerRequest(bank.id));
    await startWork(await partnerRequest(null));
    await startWork(ofRevoked);
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.path)).toEqual(["/bank"]);
  });

  it("a transition that fails queues nothing", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    await registered(bank);
    const request = await partnerRequest(bank.id);
    const before = await t.database.prisma.notification.count({ where: { channel: "WEBHOOK" } });
    await expect(
      run(
        t.app.services,
        staffCaller(staff.user),
        async (context) => {
          await transitionRequest(context, {
            id: request.id,
            version: request.version,
            action: "START_WORK",
          });
          expect(await context.tx.webhookDelivery.count({ where: { requestId: request.id } })).toBe(
            1,
          );
          throw new Error("the change failed after the transition");
        },
        undefined,
      ),
    ).rejects.toThrow("the change failed after the transition");
    expect(await t.database.prisma.notification.count({ where: { channel: "WEBHOOK" } })).toBe(
      before,
    );
    expect(
      await t.database.prisma.webhookDelivery.count({ where: { requestId: request.id } }),
    ).toBe(0);
    expect(await drain()).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
  });
});

describe("delivery", () => {
  it("retries while the receiver is down, and delivers when it comes back", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const { secret } = await registered(bank);
    await startWork(await partnerRequest(bank.id));
    await stopReceiver();
    try {
      expect(await drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await t.database.prisma.notification.findFirstOrThrow({
        where: { channel: "WEBHOOK", status: "PENDING" },
      });
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/unreachable/);
      // The outbox's backoff: the base (1 s) with its jitter.
      expect(row.nextAttemptAt.getTime() - clock.getTime()).toBe(750);
      expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      advance(750);
      expect(await drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    } finally {
      await startReceiver();
    }
    advance(1500);
    expect(await drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    // Signed when sent, not when queued: the timestamp is the third try's.
    const r = received[0]!;
    expect(
      verifyWebhookSignature(secret, String(r.headers["x-wasl-signature"]), r.body, seconds(clock)),
    ).toBe(true);
    const logged = await t.gql<Json>(deliveriesQuery, {}, { token: bank.key });
    expect(
      logged.data?.webhookDeliveries.edges[0].node.attempts.map((a: Json) => a.succeeded),
    ).toEqual([false, false, true]);
  });

  it("fails for good after the configured tries, visible in the log, and is resent", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const other = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    await registered(bank);
    const request = await partnerRequest(bank.id);
    await startWork(request);
    answer = { status: 503 };
    for (let attempt = 1; attempt <= 3; attempt++) {
      await drain({ WASL_DELIVERY_MAX_ATTEMPTS: "3" });
      advance(60_000);
    }
    expect(received).toHaveLength(3);
    const logged = await t.gql<Json>(
      deliveriesQuery,
      { filter: { status: "FAILED" } },
      { token: bank.key },
    );
    expect(logged.data?.webhookDeliveries.totalCount).toBe(1);
    const failed = logged.data?.webhookDeliveries.edges[0].node;
    expect(failed).toMatchObject({
      status: "FAILED",
      attemptCount: 3,
      lastError: "answered 503: not now",
      deliveredAt: null,
      requestReference: request.reference,
    });
    expect(failed.attempts.map((a: Json) => a.responseCode)).toEqual([503, 503, 503]);
    // Admins read it too, filtered by the request; another partner does not.
    const byAdmin = await t.gql<Json>(
      deliveriesQuery,
      { filter: { requestReference: request.reference, status: "FAILED" } },
      { token: admin },
    );
    expect(byAdmin.data?.webhookDeliveries.edges.map((e: Json) => e.node.id)).toEqual([failed.id]);
    const byOther = await t.gql<Json>(deliveriesQuery, {}, { token: other.key });
    expect(byOther.data?.webhookDeliveries.totalCount).toBe(0);
    const resend = `mutation($input: ResendWebhookDeliveryInput!) { resendWebhookDelivery(input: $input) {
      __typename ... on ResendWebhookDeliverySuccess { delivery { status attemptCount } }
      ... on NotFoundError { code } ... on OutboxTransitionError { code outboxStatus allowedOutboxActions } } }`;
    const refused = await t.gql<Json>(
      resend,
      { input: { delivery: failed.id } },
      { token: other.key },
    );
    expect(refused.data?.resendWebhookDelivery.__typename).toBe("NotFoundError");

    answer = { status: 204 };
    const resent = await t.gql<Json>(
      resend,
      { input: { delivery: failed.id } },
      { token: bank.key },
    );
    expect(resent.data?.resendWebhookDelivery).toEqual({
      __typename: "ResendWebhookDeliverySuccess",
      delivery: { status: "PENDING", attemptCount: 0 },
    });
    // Pending: not resent again until it is done.
    const twice = await t.gql<Json>(resend, { input: { delivery: failed.id } }, { token: admin });
    expect(twice.data?.resendWebhookDelivery).toEqual({
      __typename: "OutboxTransitionError",
      code: "INVALID_TRANSITION",
      outboxStatus: "PENDING",
      allowedOutboxActions: [],
    });
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(received.at(-1)!.headers["x-wasl-delivery"]).toBe(rawId(failed.id));
    // Admins resend any partner's: a delivered one goes again.
    const again = await t.gql<Json>(resend, { input: { delivery: failed.id } }, { token: admin });
    expect(again.data?.resendWebhookDelivery.__typename).toBe("ResendWebhookDeliverySuccess");
  });

  it("does not follow a redirect", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    await registered(bank);
    await startWork(await partnerRequest(bank.id));
    answer = { status: 302, location: hookUrl("/elsewhere") };
    expect(await drain()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(received.map((r) => r.path)).toEqual(["/hooks/wasl"]);
    const row = await t.database.prisma.notification.findFirstOrThrow({
      where: { channel: "WEBHOOK", status: "PENDING" },
      include: { deliveryAttempts: true },
    });
    expect(row.lastError).toMatch(/^answered 302/);
    expect(row.deliveryAttempts[0]!.responseCode).toBe(302);
  });

  it("a receiver that does not answer times out without holding up members' messages", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    await registered(bank);
    await startWork(await partnerRequest(bank.id));
    const sms = await t.database.prisma.notification.create({
      data: {
        event: "REQUEST_SUBMITTED",
        channel: "SMS",
        memberId,
        address: "+966512345678",
        language: "AR",
        subject: "س",
        body: "نص",
        nextAttemptAt: clock,
      },
    });
    answer = "hold";
    const delivery = worker({ WASL_WEBHOOK_TIMEOUT_MS: "3000" });
    const draining = delivery.drain();
    // The SMS is sent and recorded while the webhook's receiver still holds its request.
    const smsState = async () =>
      (await t.database.prisma.notification.findUniqueOrThrow({ where: { id: sms.id } })).status;
    for (let i = 0; i < 100 && !((await smsState()) === "SENT" && held.length); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await smsState()).toBe("SENT");
    expect(held).toHaveLength(1);
    expect(
      await t.database.prisma.notification.count({
        where: { channel: "WEBHOOK", status: "SENDING" },
      }),
    ).toBe(1);
    const outcome = await draining;
    await delivery.stop();
    expect(outcome).toEqual({ sent: 1, retrying: 1, failed: 0 });
    const row = await t.database.prisma.notification.findFirstOrThrow({
      where: { channel: "WEBHOOK", status: "PENDING" },
    });
    expect(row.lastError).toMatch(/no answer in time/);
  });
});

describe("managing webhooks", () => {
  it("rotating the secret signs with both secrets for a day", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const { secret: first, webhook } = await registered(bank);
    const rotated = await t.gql<Json>(
      `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) {
        __typename ... on RotateWebhookSecretSuccess { rotation { secret webhook { id } } } } }`,
      { input: { webhook: webhook.id } },
      { token: bank.key },
    );
    const second = rotated.data?.rotateWebhookSecret.rotation.secret;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    await startWork(await partnerRequest(bank.id));
    await drain();
    const r = received[0]!;
    const header = String(r.headers["x-wasl-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(first, header, r.body, seconds(clock))).toBe(true);
    expect(verifyWebhookSignature(second, header, r.body, seconds(clock))).toBe(true);
    // After the overlap, only the new secret signs.
    advance(25 * 60 * 60_000);
    received.length = 0;
    await startWork(await partnerRequest(bank.id));
    await drain();
    const later = received[0]!;
    const laterHeader = String(later.headers["x-wasl-signature"]);
    expect(verifyWebhookSignature(first, laterHeader, later.body, seconds(clock))).toBe(false);
    expect(verifyWebhookSignature(second, laterHeader, later.body, seconds(clock))).toBe(true);
  });

  it("a removed or disabled webhook receives nothing more, its pending deliveries cancelled", async () => {
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const other = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const removed = (await registered(bank, { url: hookUrl("/removed") })).webhook;
    const disabled = (await registered(bank, { url: hookUrl("/disabled") })).webhook;
    await startWork(await partnerRequest(bank.id));
    const remove = `mutation($input: RemoveWebhookInput!) { removeWebhook(input: $input) {
      __typename ... on RemoveWebhookSuccess { webhook { active } } } }`;
    const notTheirs = await t.gql<Json>(
      remove,
      { input: { webhook: removed.id } },
      { token: other.key },
    );
    expect(notTheirs.data?.removeWebhook.__typename).toBe("NotFoundError");
    const gone = await t.gql<Json>(remove, { input: { webhook: removed.id } }, { token: bank.key });
    expect(gone.data?.removeWebhook).toEqual({
      __typename: "RemoveWebhookSuccess",
      webhook: { active: false },
    });
    const disable = `mutation($input: DisableWebhookInput!) { disableWebhook(input: $input) {
      __typename ... on DisableWebhookSuccess { webhook { active } } } }`;
    const byPartner = await t.gql<Json>(
      disable,
      { input: { webhook: disabled.id } },
      { token: bank.key },
    );
    expect(byPartner.data?.disableWebhook.__typename).toBe("ForbiddenError");
    const byAdmin = await t.gql<Json>(
      disable,
      { input: { webhook: disabled.id } },
      { token: admin },
    );
    expect(byAdmin.data?.disableWebhook).toEqual({
      __typename: "DisableWebhookSuccess",
      webhook: { active: false },
    });
    expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(0);
    expect(
      await t.database.prisma.notification.count({
        where: { webhookDelivery: { partnerId: bank.id }, status: "CANCELLED" },
      }),
    ).toBe(2);
    const list = await t.gql<Json>(
      `{ webhooks(first: 10) { edges { node { url active } } } }`,
      {},
      { token: bank.key },
    );
    expect(list.data?.webhooks.edges).toEqual([
      { node: { url: hookUrl("/disabled"), active: false } },
    ]);
  });
});

describe("the partner guide's receiver (docs/partners.md)", () => {
  /** The guide's Node example, run as written. */
  type Guide = {
    verifyWaslSignature(secret: string, header: unknown, body: string, now?: number): boolean;
    startReceiver(secret: string, onEvent: (delivery: Json) => void, port?: number): Server;
  };

  async function guideExample(): Promise<Guide> {
    const guide = readFileSync(join(repoRoot, "docs/partners.md"), "utf8");
    const webhooks = guide.slice(guide.indexOf("## Webhooks"));
    const code = /```js\n([\s\S]*?)```/.exec(webhooks)?.[1];
    expect(code).toBeTruthy();
    const file = join(mkdtempSync(join(tmpdir(), "wasl-guide-")), "receiver.mjs");
    writeFileSync(file, code!);
    return (await import(pathToFileURL(file).href)) as Guide;
  }

  it("its GraphQL examples are valid against the schema", () => {
    const guide = readFileSync(join(repoRoot, "docs/partners.md"), "utf8");
    const webhooks = guide.slice(guide.indexOf("## Webhooks"));
    const examples = [...webhooks.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(validate(schema, parse(example)).map((e) => e.message)).toEqual([]);
  });

  it("verifies real deliveries, refuses a forged one, and is told each delivery once", async () => {
    const { startReceiver, verifyWaslSignature } = await guideExample();
    const bank = await partner(["WEBHOOKS_MANAGE", "REQUESTS_READ"]);
    const events: Json[] = [];
    const guidePort = await freePort();
    const { secret } = await registered(bank, { url: `http://127.0.0.1:${guidePort}/` });
    const live = startReceiver(secret, (delivery) => events.push(delivery), guidePort);
    await new Promise((resolve) => live.once("listening", resolve));
    try {
      const request = await partnerRequest(bank.id);
      // The guide's receiver checks the timestamp against its own clock: the worker's is real.
      clock = new Date();
      await startWork(request);
      expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).toHaveLength(1);
      expect(events[0].data.request).toMatchObject({
        reference: request.reference,
        status: "IN_PROGRESS",
      });
      // The same delivery resent: answered 2xx, handed on once only.
      const [delivery] = await t.database.prisma.webhookDelivery.findMany({
        where: { requestId: request.id },
      });
      const resent = await t.gql<Json>(
        `mutation($input: ResendWebhookDeliveryInput!) { resendWebhookDelivery(input: $input) { __typename } }`,
        { input: { delivery: gid("WebhookDelivery", delivery!.id) } },
        { token: bank.key },
      );
      expect(resent.data?.resendWebhookDelivery.__typename).toBe("ResendWebhookDeliverySuccess");
      clock = new Date();
      expect(await drain()).toMatchObject({ sent: 1 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).toHaveLength(1);
      // A forged delivery (signed with another secret) is refused with 401.
      const body = JSON.stringify({ id: "forged", event: "REQUEST_DECIDED" });
      const t0 = Math.floor(Date.now() / 1000);
      const forged = await fetch(`http://127.0.0.1:${guidePort}/`, {
        method: "POST",
        headers: { "x-wasl-signature": `t=${t0},v1=${"ab".repeat(32)}` },
        body,
      });
      expect(forged.status).toBe(401);
      expect(events).toHaveLength(1);
      expect(verifyWaslSignature(secret, undefined, body)).toBe(false);
    } finally {
      await new Promise((resolve) => live.close(resolve));
    }
  });
});
