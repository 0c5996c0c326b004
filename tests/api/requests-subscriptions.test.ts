// requestChanged over real graphql-ws clients: staff receive every request, a researcher only
// the cases referred to them, a partner only the requests it submitted, and only their status.
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
let staff: string;
let researcher: string;
let researcherId: string;
let partnerKey: string;
let partnerId: string;
let memberId: string;
const clients: Client[] = [];

function connect(connectionParams: Record<string, unknown>): Client {
  const client = socketClient(t.url, {
    connectionParams,
    lazy: false,
    // A socket the server closes (4401/4403) is what these tests expect, not a console error.
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

/** Subscribes and resolves with the first result; `ready` once the server registered it. */
function firstResult(client: Client, query: string) {
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<Json>((resolve, reject) => {
    client.subscribe({ query }, { next: resolve, error: reject, complete: () => resolve(null) });
    client.on("connected", () => setTimeout(markReady, 150));
  });
  return { ready, done };
}

const subscription = `subscription { requestChanged { requestId reference change previousStatus status version changedBy request { subject } } }`;

async function startWork(requestId: string) {
  const result = await t.gql(
    `mutation($input: StartWorkInput!) { startWork(input: $input) { __typename } }`,
    { input: { id: gid("Request", requestId), version: 1 } },
    { token: staff },
  );
  expect(result.data?.startWork.__typename).toBe("StartWorkSuccess");
}

async function submittedInquiry(subject: string, extra: Record<string, unknown> = {}) {
  return db.request.create({
    data: {
      memberId,
      typeCode: "INQUIRY",
      channel: "PARTNER",
      subject,
      status: "SUBMITTED",
      reference: `REQ-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`,
      submittedAt: new Date(),
      decisionDueAt: new Date(Date.now() + 14 * 86_400_000),
      ...extra,
    },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.prisma;
  await seedReferenceData(db);
  memberId = (await createMemberRecord(db)).id;
  staff = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
  const assigned = await signInStaff(t, "researcher@test.sa", ["RESEARCHER"]);
  researcherId = assigned.user.id;
  researcher = assigned.token;
  const partner = await createPartnerWithKey(db, ["REQUESTS_READ"]);
  partnerKey = partner.key;
  partnerId = partner.partner.id;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(() => t?.close());

describe("requestChanged", () => {
  it("filters per subscriber: staff all, a researcher their cases, a partner its requests", async () => {
    const others = await submittedInquiry("طلب لا يخص الباحث ولا الجهة");
    const shared = await submittedInquiry("طلب الجهة الشريكة لدى الباحث", {
      researcherId,
      partnerId,
    });
    const staffSub = firstResult(connect({ authorization: `Bearer ${staff}` }), subscription);
    const researcherSub = firstResult(
      connect({ authorization: `Bearer ${researcher}` }),
      subscription,
    );
    const partnerSub = firstResult(connect({ apiKey: partnerKey }), subscription);
    await Promise.all([staffSub.ready, researcherSub.ready, partnerSub.ready]);

    await startWork(others.id);
    await startWork(shared.id);

    const [forStaff, forResearcher, forPartner] = await Promise.all([
      staffSub.done,
      researcherSub.done,
      partnerSub.done,
    ]);
    expect(forStaff.data.requestChanged).toMatchObject({
      requestId: gid("Request", others.id),
      change: "START_WORK",
      previousStatus: "SUBMITTED",
      status: "IN_PROGRESS",
      version: 2,
      changedBy: "موظف staff",
      request: { subject: "طلب لا يخص الباحث ولا الجهة" },
    });
    expect(forResearcher.data.requestChanged).toMatchObject({
      requestId: gid("Request", shared.id),
      request: { subject: "طلب الجهة الشريكة لدى الباحث" },
    });
    // The partner sees the status of its own request, and nothing of the case file.
    expect(forPartner.data.requestChanged).toMatchObject({
      requestId: gid("Request", shared.id),
      reference: shared.reference,
      status: "IN_PROGRESS",
      changedBy: null, // no staff names to partners
      request: null,
    });
  });

  it("closes a subscriber without credentials with 4401", async () => {
    const sub = firstResult(connect({}), `subscription { requestChanged { status } }`);
    const outcome = await sub.done.then(
      () => undefined,
      (closed: { code?: number }) => closed.code,
    );
    expect(outcome).toBe(4401);
  });
});
