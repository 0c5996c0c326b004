// Partners' API keys end to end, through the real server: admins register a partner and issue
// a key (answered once, stored as a sha256 with a visible prefix), the key works, expires,
// rotates with an overlap, is refused outside its IP allow-list, and is revoked — at once,
// including on an open graphql-ws subscription, and on another instance through the pub/sub.
import { createHash } from "node:crypto";
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import { createWaslPubSub } from "../../api/pubsub.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { seedReferenceData } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
let admin: string;
const clients: Client[] = [];

/** A partner call over real HTTP (the client address is the socket's). */
async function partnerCall(key: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key, ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Json;
}

const viewerQuery = `{ partnerViewer { name key { scopes expiresAt } } }`;
const works = async (key: string, headers?: Record<string, string>) =>
  !!(await partnerCall(key, viewerQuery, headers)).data?.partnerViewer;

async function adminCall(query: string, input: Json): Promise<Json> {
  const result = await t.gql(query, { input }, { token: admin });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function registerPartner(name = "Bank") {
  const data = await adminCall(
    `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { __typename ... on RegisterPartnerSuccess { partner { id version active } } } }`,
    { name, nameAr: "مصرف", contactName: "Ali", contactEmail: "api@bank.sa" },
  );
  return data.registerPartner.partner as { id: string; version: number };
}

const issueMutation = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { __typename
  ... on IssueApiKeySuccess { issued { key apiKey { id prefix scopes status expiresAt allowedIps lastUsedAt } } }
  ... on ValidationError { fieldErrors { path message } } } }`;

async function issueKey(partner: string, extra: Json = {}) {
  const data = await adminCall(issueMutation, {
    partner,
    label: "production",
    scopes: ["MEMBERSHIP_VERIFY"],
    ...extra,
  });
  expect(data.issueApiKey.__typename).toBe("IssueApiKeySuccess");
  return data.issueApiKey.issued as { key: string; apiKey: Json };
}

function connect(key: string): Client {
  const client = socketClient(t.url, {
    connectionParams: { apiKey: key },
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

/** An open requestChanged subscription: resolves with the close code when the server ends it. */
function openSubscription(client: Client) {
  const closed = new Promise<number>((resolve) => {
    client.on("closed", (event) => resolve((event as { code: number }).code));
  });
  const ended = new Promise<string>((resolve) => {
    client.subscribe(
      { query: "subscription { requestChanged { status } }" },
      { next: () => {}, error: () => resolve("error"), complete: () => resolve("complete") },
    );
  });
  const ready = new Promise<void>((resolve) =>
    client.on("connected", () => setTimeout(resolve, 200)),
  );
  return { closed, ended, ready };
}

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.prisma;
  await seedReferenceData(db);
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(() => t?.close());

describe("partner API keys", () => {
  it("issues a key once, stores only its sha256 and prefix, and the key works at once", async () => {
    const partner = await registerPartner();
    const issued = await issueKey(partner.id, { scopes: ["MEMBERSHIP_VERIFY", "STATS_READ"] });
    expect(issued.key).toMatch(/^wasl_pk_[a-z0-9]{8}_[A-Za-z0-9_-]{32}$/);
    expect(issued.key.startsWith(`${issued.apiKey.prefix}_`)).toBe(true);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: rawId(issued.apiKey.id) } });
    expect(row.keyHash).toBe(createHash("sha256").update(issued.key).digest("hex"));
    // The secret is the key's last 32 characters (its alphabet has "_" too: no split on it).
    expect(JSON.stringify(row)).not.toContain(issued.key.slice(-32));
    // Nowhere to read it again: the key's record has no field that holds it.
    const read = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on ApiKey { prefix label } } }`,
      { id: issued.apiKey.id },
      { token: admin },
    );
    expect(JSON.stringify(read)).not.toContain(issued.key);

    const viewer = await partnerCall(issued.key, viewerQuery);
    expect(viewer.data.partnerViewer).toEqual({
      name: "Bank",
      key: { scopes: ["MEMBERSHIP_VERIFY", "STATS_READ"], expiresAt: null },
    });
    // The audit log has the issue, without the key.
    const audit = await db.auditEntry.findMany({
      where: { entityType: "ApiKey", entityId: row.id },
    });
    expect(audit.map((a) => a.action)).toEqual(["CREATE"]);
    expect(JSON.stringify(audit)).not.toContain(issued.key);
    // Bearer works as well as X-Api-Key; a wrong secret with a right prefix does not.
    const bearer = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${issued.key}` },
      body: JSON.stringify({ query: viewerQuery }),
    });
    expect(((await bearer.json()) as Json).data.partnerViewer.name).toBe("Bank");
    const forged = `${issued.key.slice(0, -4)}AAAA`;
    expect(await works(forged)).toBe(false);
  });

  it("records the last use, at most once a minute, without a key query per call", async () => {
    const partner = await registerPartner();
    const issued = await issueKey(partner.id);
    const id = rawId(issued.apiKey.id);
    expect(await works(issued.key)).toBe(true);
    await new Promise((r) => setTimeout(r, 100)); // the write is not awaited by the call
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    const queries: string[] = [];
    const counting = await startTestApp({
      database: undefined,
      onQuery: (sql) => queries.push(sql),
    });
    try {
      await counting.database.prisma.requestType.count();
      const p = await counting.database.prisma.partner.create({
        data: { name: "P", nameAr: "ج", contactEmail: "p@p.sa" },
      });
      const { generateApiKey } = await import("../../api/modules/partners/keys.js");
      const key = generateApiKey();
      await counting.database.prisma.apiKey.create({
        data: {
          partnerId: p.id,
          label: "x",
          prefix: key.prefix,
          keyHash: key.keyHash,
          scopes: ["STATS_READ"],
        },
      });
      const call = () =>
        fetch(`${counting.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": key.key },
          body: JSON.stringify({ query: viewerQuery }),
        }).then((r) => r.json() as Promise<Json>);
      expect((await call()).data.partnerViewer.name).toBe("P"); // loads the key, writes lastUsedAt
      await new Promise((r) => setTimeout(r, 100));
      queries.length = 0;
      for (let i = 0; i < 20; i++) expect((await call()).data.partnerViewer.name).toBe("P");
      expect(queries.filter((q) => /"ApiKey"/.test(q))).toEqual([]);
    } finally {
      await counting.close();
    }
  });

  it("refuses a key past its expiry", async () => {
    const partner = await registerPartner();
    const issued = await issueKey(partner.id, {
      expiresAt: new Date(Date.now() + 1_500).toISOString(),
    });
    expect(await works(issued.key)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_700));
    expect(await works(issued.key)).toBe(false);
    const status = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on ApiKey { status } } }`,
      { id: issued.apiKey.id },
      { token: admin },
    );
    expect(status.data?.node.status).toBe("EXPIRED");
  });

  it("refuses an expiry in the past, no scope and a malformed address, naming the fields", async () => {
    const partner = await registerPartner();
    const data = await adminCall(issueMutation, {
      partner: partner.id,
      label: " ",
      scopes: [],
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      allowedIps: ["10.0.0.0/33"],
    });
    expect(data.issueApiKey.__typename).toBe("ValidationError");
    expect(data.issueApiKey.fieldErrors.map((e: Json) => e.path.join("."))).toEqual([
      "input.label",
      "input.scopes",
      "input.expiresAt",
      "input.allowedIps",
    ]);
    expect(await db.apiKey.count({ where: { partnerId: rawId(partner.id) } })).toBe(0);
  });

  it("rotates: old and new keys both work during the overlap, then only the new one", async () => {
    const partner = await registerPartner();
    const old = await issueKey(partner.id, {
      scopes: ["STATS_READ"],
      allowedIps: ["127.0.0.1", "::1"],
    });
    expect(await works(old.key)).toBe(true); // cached now: the rotation must reach the cache
    const rotated = await adminCall(
      `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { __typename ... on RotateApiKeySuccess { issued { key apiKey { id scopes allowedIps status rotatedFrom { id status expiresAt } } } } } }`,
      { apiKey: old.apiKey.id, overlapMinutes: 0 },
    );
    const issued = rotated.rotateApiKey.issued;
    expect(issued.apiKey).toMatchObject({
      scopes: ["STATS_READ"],
      allowedIps: ["127.0.0.1", "::1"],
      status: "ACTIVE",
    });
    expect(issued.apiKey.rotatedFrom.id).toBe(old.apiKey.id);
    // No overlap: the old key ends now.
    expect(await works(issued.key)).toBe(true);
    expect(await works(old.key)).toBe(false);

    // With an overlap both are accepted, and the old one ends when it runs out.
    const second = await issueKey(partner.id);
    expect(await works(second.key)).toBe(true);
    const withOverlap = await adminCall(
      `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { ... on RotateApiKeySuccess { issued { key } } } }`,
      { apiKey: second.apiKey.id, overlapMinutes: 60 },
    );
    const next = withOverlap.rotateApiKey.issued.key;
    expect(await works(next)).toBe(true);
    expect(await works(second.key)).toBe(true);
    const oldRow = await db.apiKey.findUniqueOrThrow({ where: { id: rawId(second.apiKey.id) } });
    expect(oldRow.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    // A rotated key cannot be rotated again (it would fork the chain).
    const again = await adminCall(
      `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      { apiKey: second.apiKey.id, overlapMinutes: 5 },
    );
    expect(again.rotateApiKey.__typename).toBe("ValidationError");
    // But it can be revoked during its overlap (a leaked key must not wait for the overlap).
    const revokedOld = await adminCall(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`,
      { apiKey: second.apiKey.id },
    );
    expect(revokedOld.revokeApiKey.__typename).toBe("RevokeApiKeySuccess");
    expect(await works(second.key)).toBe(false);
    expect(await works(next)).toBe(true);
    const audit = await db.auditEntry.findMany({
      where: { entityType: "ApiKey", entityId: rawId(second.apiKey.id) },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "UPDATE"]);
  });

  it("accepts a key only from its allowed addresses, as the server derives the client address", async () => {
    const partner = await registerPartner();
    const local = await issueKey(partner.id, { allowedIps: ["127.0.0.0/8", "::1"] });
    const elsewhere = await issueKey(partner.id, { allowedIps: ["203.0.113.0/24"] });
    expect(await works(local.key)).toBe(true);
    expect(await works(elsewhere.key)).toBe(false);
    // Without a trusted proxy, X-Forwarded-For is anyone's to write: it does not help.
    expect(await works(elsewhere.key, { "x-forwarded-for": "203.0.113.9" })).toBe(false);
    const refused = await partnerCall(elsewhere.key, viewerQuery);
    expect(refused.errors[0].extensions.code).toBe("UNAUTHENTICATED");

    // Behind one trusted proxy, the address it wrote is the client's.
    const proxied = await startTestApp({ env: { TRUST_PROXY: "1" }, database: t.database });
    try {
      const call = (address: string) =>
        fetch(`${proxied.url}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-api-key": elsewhere.key,
            "x-forwarded-for": address,
          },
          body: JSON.stringify({ query: viewerQuery }),
        }).then((r) => r.json() as Promise<Json>);
      expect((await call("203.0.113.9")).data.partnerViewer).not.toBeNull();
      expect((await call("198.51.100.1")).data?.partnerViewer ?? null).toBeNull();
    } finally {
      await proxied.app.stop();
    }
  });

  it("revokes at once: the next call and the open subscription alike", async () => {
    const partner = await registerPartner();
    const issued = await issueKey(partner.id, { scopes: ["REQUESTS_READ"] });
    const subscription = openSubscription(connect(issued.key));
    await subscription.ready;
    const startedAt = Date.now();
    const revoked = await adminCall(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename ... on RevokeApiKeySuccess { apiKey { status revokedAt } } } }`,
      { apiKey: issued.apiKey.id },
    );
    expect(revoked.revokeApiKey.apiKey.status).toBe("REVOKED");
    expect(await works(issued.key)).toBe(false);
    expect(await subscription.closed).toBe(4403);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    // A socket opened with the revoked key is anonymous: it cannot subscribe.
    const late = openSubscription(connect(issued.key));
    expect(await late.closed).toBe(4401);
  });

  it("closes a partner's subscription when its key expires, and when the partner is deactivated", async () => {
    const partner = await registerPartner();
    const expiring = await issueKey(partner.id, {
      scopes: ["REQUESTS_READ"],
      expiresAt: new Date(Date.now() + 1_200).toISOString(),
    });
    const bySubscription = openSubscription(connect(expiring.key));
    await bySubscription.ready;
    expect(await bySubscription.closed).toBe(4401);

    const lasting = await issueKey(partner.id, { scopes: ["REQUESTS_READ"] });
    const open = openSubscription(connect(lasting.key));
    await open.ready;
    const changed = await adminCall(
      `mutation($input: ChangePartnerInput!) { changePartner(input: $input) { __typename ... on ChangePartnerSuccess { partner { active version } } } }`,
      { partner: partner.id, version: partner.version, active: false },
    );
    expect(changed.changePartner.partner.active).toBe(false);
    expect(await open.closed).toBe(4403);
    expect(await works(lasting.key)).toBe(false);
  });

  it("revokes on every instance: the other instance's cached key and open socket end too", async () => {
    // Two instances on one event bus, as REDIS_URL makes them.
    const { pubsub, close } = await createWaslPubSub(undefined);
    const first = await startTestApp({ database: t.database, pubsub });
    const second = await startTestApp({ database: t.database, pubsub });
    try {
      const partner = await registerPartner("Ministry");
      const issued = await issueKey(partner.id, { scopes: ["REQUESTS_READ"] });
      const onSecond = (query: string) =>
        fetch(`${second.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": issued.key },
          body: JSON.stringify({ query }),
        }).then((r) => r.json() as Promise<Json>);
      expect((await onSecond(viewerQuery)).data.partnerViewer.name).toBe("Ministry");
      const client = socketClient(second.url, {
        connectionParams: { apiKey: issued.key },
        lazy: false,
        onNonLazyError: () => {},
      });
      clients.push(client);
      const subscription = openSubscription(client);
      await subscription.ready;
      const adminOnFirst = await first.gql(
        `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`,
        { input: { apiKey: issued.apiKey.id } },
        { token: admin },
      );
      expect(adminOnFirst.data?.revokeApiKey.__typename).toBe("RevokeApiKeySuccess");
      expect(await subscription.closed).toBe(4403);
      expect((await onSecond(viewerQuery)).data?.partnerViewer ?? null).toBeNull();
    } finally {
      await first.app.stop();
      await second.app.stop();
      await close();
    }
  });

  it("keeps every change in the audit log, naming the admin", async () => {
    const partner = await registerPartner("Charity");
    const entries = await db.auditEntry.findMany({
      where: { entityType: "Partner", entityId: rawId(partner.id) },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "CREATE",
      actorKind: "USER",
      actorLabel: "admin@test.sa",
    });
    // Only admins manage partners.
    const staff = (await signInStaff(t, "staff@test.sa", ["STAFF"])).token;
    const refused = await t.gql(
      `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { __typename } }`,
      { input: { name: "X", nameAr: "س", contactEmail: "x@x.sa" } },
      { token: staff },
    );
    expect(refused.data?.registerPartner.__typename).toBe("ForbiddenError");
    const list = await t.gql(`{ partners(first: 10) { totalCount } }`, {}, { token: staff });
    expect(list.data?.partners).toBeNull();
    expect(gid("Partner", rawId(partner.id))).toBe(partner.id);
  });
});
