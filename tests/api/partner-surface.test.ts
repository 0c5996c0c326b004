// A partner never reads more than its scopes allow, field by field. Every root field of the
// schema (queries, mutations, subscriptions) is called through the real server with a key of
// each scope, with no key at all, and with every scope at once; the fields a partner reaches
// beyond what anonymous callers reach must be exactly its scopes' list below. Then every type
// those fields lead to is walked, and each of its fields must be on that list too: a field
// added to a type partners reach, or a new root field open to them, fails here until it is
// listed under the scope that grants it.
import { randomUUID } from "node:crypto";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerScope } from "../../api/db/generated/enums.js";
import { schema } from "../../api/graphql/schema.js";
import { csrfHeader } from "../../api/yoga.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  seedReferenceData,
} from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

const scopes: PartnerScope[] = [
  "MEMBERSHIP_VERIFY",
  "REQUESTS_READ",
  "REQUESTS_SUBMIT",
  "STATS_READ",
  "WEBHOOKS_MANAGE",
];

/** The shapes every failure answers in: codes and messages, no data of any record. */
const errorFields = [
  "Error.code",
  "Error.message",
  "ValidationError.code",
  "ValidationError.message",
  "ValidationError.fieldErrors",
  "FieldError.path",
  "FieldError.message",
  "NotFoundError.code",
  "NotFoundError.message",
  // The kind of record and the ID the caller sent (for a submission: the national ID it sent).
  "NotFoundError.entity",
  "NotFoundError.id",
  "ForbiddenError.code",
  "ForbiddenError.message",
  "UnauthenticatedError.code",
  "UnauthenticatedError.message",
];

const partnerRequestFields = [
  "Node.id",
  "PartnerRequest.id",
  "PartnerRequest.reference",
  "PartnerRequest.type",
  "PartnerRequest.status",
  "PartnerRequest.createdAt",
  "PartnerRequest.submittedAt",
  "PartnerRequest.decisionDueAt",
  "PartnerRequest.decidedAt",
  "PartnerRequest.resolvedAt",
  "PartnerRequest.completedAt",
  "PartnerRequest.closedAt",
  "PartnerRequest.withdrawnAt",
  "PartnerRequest.updatedAt",
];

/** What each scope opens to a partner: root fields and the fields of what they return. */
const surface: Record<PartnerScope | "ANY_KEY", string[]> = {
  ANY_KEY: [
    "Query.partnerViewer",
    "PartnerViewer.name",
    "PartnerViewer.key",
    "PartnerViewerKey.scopes",
    "PartnerViewerKey.expiresAt",
  ],
  MEMBERSHIP_VERIFY: [
    "Query.membershipVerification",
    "MembershipVerification.active",
    "MembershipVerification.memberNumber",
  ],
  REQUESTS_READ: [
    "Query.partnerRequests",
    "PartnerRequestConnection.edges",
    "PartnerRequestConnection.pageInfo",
    "PartnerRequestConnection.totalCount",
    "PartnerRequestEdge.cursor",
    "PartnerRequestEdge.node",
    "PageInfo.hasNextPage",
    "PageInfo.hasPreviousPage",
    "PageInfo.startCursor",
    "PageInfo.endCursor",
    ...partnerRequestFields,
    // node(id:) answers a partner only the node types the partners module registers (the
    // PartnerRequest it reaches); every other global ID is null (partner-scopes.test.ts).
    "Query.node",
    // Live status changes of its own requests; `request` and `changedBy` resolve to null for
    // partners (requests/subscriptions.ts, proven in requests-subscriptions.test.ts).
    "Subscription.requestChanged",
    "RequestChange.requestId",
    "RequestChange.reference",
    "RequestChange.change",
    "RequestChange.previousStatus",
    "RequestChange.status",
    "RequestChange.version",
    "RequestChange.at",
    "RequestChange.changedBy",
    "RequestChange.request",
  ],
  REQUESTS_SUBMIT: [
    "Mutation.submitPartnerRequest",
    "SubmitPartnerRequestSuccess.request",
    ...partnerRequestFields,
    ...errorFields,
  ],
  STATS_READ: [
    "Query.partnerStatistics",
    "PartnerStatistics.from",
    "PartnerStatistics.to",
    "PartnerStatistics.minimumGroupSize",
    "PartnerStatistics.activeMembers",
    "PartnerStatistics.requestsSubmitted",
    "PartnerStatistics.requestsByType",
    "PartnerStatistics.requestsByStatus",
    "PartnerStatisticsTypeCount.type",
    "PartnerStatisticsTypeCount.count",
    "PartnerStatisticsStatusCount.status",
    "PartnerStatisticsStatusCount.count",
  ],
  // The partner's own webhooks and their delivery log (partner-webhooks.test.ts: only its own).
  WEBHOOKS_MANAGE: [
    "Mutation.registerWebhook",
    "Mutation.removeWebhook",
    "Mutation.rotateWebhookSecret",
    "Mutation.resendWebhookDelivery",
    "Query.webhooks",
    "Query.webhookDeliveries",
    ...errorFields,
    // Its webhooks, their secrets (answered once) and deliveries: no member's data.
    "InvalidTransitionError.allowed",
    "InvalidTransitionError.code",
    "InvalidTransitionError.currentState",
    "InvalidTransitionError.message",
    "OutboxTransitionError.allowed",
    "OutboxTransitionError.allowedOutboxActions",
    "OutboxTransitionError.code",
    "OutboxTransitionError.currentState",
    "OutboxTransitionError.message",
    "OutboxTransitionError.outboxStatus",
    "Node.id",
    "PageInfo.endCursor",
    "PageInfo.hasNextPage",
    "PageInfo.hasPreviousPage",
    "PageInfo.startCursor",
    "PreconditionFailedError.code",
    "PreconditionFailedError.message",
    "PreconditionFailedError.reason",
    "RegisterWebhookSuccess.registration",
    "RemoveWebhookSuccess.webhook",
    "ResendWebhookDeliverySuccess.delivery",
    "RotateWebhookSecretSuccess.rotation",
    "Webhook.active",
    "Webhook.createdAt",
    "Webhook.description",
    "Webhook.disabledAt",
    "Webhook.events",
    "Webhook.id",
    "Webhook.lastDelivery",
    "Webhook.partnerName",
    "Webhook.removedAt",
    "Webhook.secretRotatedUntil",
    "Webhook.url",
    "Webhook.version",
    "WebhookConnection.edges",
    "WebhookConnection.pageInfo",
    "WebhookConnection.totalCount",
    "WebhookDelivery.attemptCount",
    "WebhookDelivery.attempts",
    "WebhookDelivery.deliveredAt",
    "WebhookDelivery.event",
    "WebhookDelivery.id",
    "WebhookDelivery.lastError",
    "WebhookDelivery.nextAttemptAt",
    "WebhookDelivery.occurredAt",
    "WebhookDelivery.payload",
    "WebhookDelivery.requestReference",
    "WebhookDelivery.status",
    "WebhookDelivery.url",
    "WebhookDelivery.webhook",
    "WebhookDeliveryAttempt.attempt",
    "WebhookDeliveryAttempt.durationMs",
    "WebhookDeliveryAttempt.error",
    "WebhookDeliveryAttempt.responseCode",
    "WebhookDeliveryAttempt.startedAt",
    "WebhookDeliveryAttempt.succeeded",
    "WebhookDeliveryConnection.edges",
    "WebhookDeliveryConnection.pageInfo",
    "WebhookDeliveryConnection.totalCount",
    "WebhookDeliveryEdge.cursor",
    "WebhookDeliveryEdge.node",
    "WebhookEdge.cursor",
    "WebhookEdge.node",
    "WebhookSecret.secret",
    "WebhookSecret.webhook",
  ],
};

/** Where the walk stops: fields that hold for partners only the value null, as listed above. */
const nullForPartners = new Set(["RequestChange.request"]);
/** node(id:) reaches, for partners, only these node types (auth/policy.ts registry). */
const partnerNodeTypes = ["PartnerRequest"];

const allowedFor = (held: PartnerScope[]) =>
  new Set([...surface.ANY_KEY, ...held.flatMap((scope) => surface[scope])]);
const isRoot = (name: string) => /^(Query|Mutation|Subscription)\./.test(name);

// ── calling every root field ──

type Outcome = "allowed" | "refused";
let upload = false;

/** A literal of the input type: the smallest valid-looking value, or the upload variable. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(", ")} }`;
  }
  switch (type.name) {
    case "ID":
      return JSON.stringify(gid("Request", randomUUID()));
    case "Int":
    case "Float":
      return "1";
    case "Boolean":
      return "true";
    case "DateTime":
      return JSON.stringify(new Date().toISOString());
    case "Date":
      return '"2026-01-01"';
    case "Decimal":
      return '"1"';
    case "Upload":
      upload = true;
      return "$upload";
    default:
      return '"1"';
  }
}

function operation(
  kind: "query" | "mutation" | "subscription",
  field: GraphQLField<unknown, unknown>,
) {
  upload = false;
  const args = field.args
    .filter((a) => isNonNullType(a.type) || ["first", "last"].includes(a.name))
    .map((a) => `${a.name}: ${a.name === "first" ? "1" : literal(a.type)}`);
  const named = getNamedType(field.type);
  const selection =
    isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? " { __typename }" : "";
  const variables = upload ? "($upload: Upload!)" : "";
  return {
    text: `${kind}${variables} { ${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`,
    upload,
  };
}

let t: TestApp;
const keys = {} as Record<PartnerScope | "ALL", string>;

async function call(text: string, withUpload: boolean, key: string | undefined): Promise<Json> {
  const headers: Record<string, string> = {
    [csrfHeader]: "1",
    ...(key ? { "x-api-key": key } : {}),
  };
  let body: BodyInit;
  if (withUpload) {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: text, variables: { upload: null } }));
    form.set("map", JSON.stringify({ 0: ["variables.upload"] }));
    form.set("0", new File(["x"], "x.pdf", { type: "application/pdf" }));
    body = form;
  } else {
    headers["content-type"] = "application/json";
    body = JSON.stringify({ query: text });
  }
  const response = await t.app.yoga.fetch("http://wasl.test/graphql", {
    method: "POST",
    headers,
    body,
  });
  return response.json();
}

function outcomeOf(result: Json, field: string): Outcome {
  if (!result.data && result.errors?.some((e: Json) => !e.path)) {
    throw new Error(
      `the generated call of ${field} is not valid: ${JSON.stringify(result.errors)}`,
    );
  }
  const refusedByError = (result.errors ?? []).some(
    (e: Json) =>
      e.path?.[0] === field && ["FORBIDDEN", "UNAUTHENTICATED"].includes(e.extensions?.code),
  );
  const typename = result.data?.[field]?.__typename;
  if (refusedByError || typename === "ForbiddenError" || typename === "UnauthenticatedError")
    return "refused";
  return "allowed";
}

const rootTypes = () =>
  [
    ["query", schema.getQueryType()!],
    ["mutation", schema.getMutationType()!],
  ] as const;

/** The root fields (Query.x, Mutation.y) this key — or no key — may call. */
async function reachable(key: string | undefined): Promise<Set<string>> {
  const open = new Set<string>();
  for (const [kind, type] of rootTypes()) {
    for (const field of Object.values(type.getFields())) {
      const { text, upload: withUpload } = operation(kind, field);
      const result = await call(text, withUpload, key);
      if (outcomeOf(result, field.name) === "allowed") open.add(`${type.name}.${field.name}`);
    }
  }
  for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
    if ((await subscriptionOutcome(field, key)) === "allowed")
      open.add(`Subscription.${field.name}`);
  }
  return open;
}

/** A subscription is allowed when it is still listening, without an error, after a while. */
async function subscriptionOutcome(
  field: GraphQLField<unknown, unknown>,
  key: string | undefined,
): Promise<Outcome> {
  const client = socketClient(t.url, {
    connectionParams: key ? { apiKey: key } : {},
    lazy: false,
    onNonLazyError: () => {},
  });
  const { text } = operation("subscription", field);
  try {
    return await new Promise<Outcome>((resolve) => {
      client.on("closed", () => resolve("refused"));
      client.subscribe(
        { query: text },
        {
          next: (value) => resolve(value.errors?.length ? "refused" : "allowed"),
          error: () => resolve("refused"),
          complete: () => resolve("refused"),
        },
      );
      setTimeout(() => resolve("allowed"), 400);
    });
  } finally {
    await client.dispose();
  }
}

// ── walking what the reachable fields return ──

/** Every `Type.field` reachable from these root fields, for a partner. */
function reachableFields(roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visited = new Set<string>();
  const visitType = (type: GraphQLNamedType, via: string) => {
    const possible: readonly GraphQLObjectType[] =
      via === "Query.node"
        ? partnerNodeTypes.map((name) => schema.getType(name) as GraphQLObjectType)
        : isUnionType(type) || isInterfaceType(type)
          ? schema.getPossibleTypes(type)
          : isObjectType(type)
            ? [type]
            : [];
    if (isInterfaceType(type))
      for (const name of Object.keys(type.getFields())) seen.add(`${type.name}.${name}`);
    for (const object of possible) {
      if (visited.has(object.name)) continue;
      visited.add(object.name);
      for (const field of Object.values(object.getFields())) {
        const name = `${object.name}.${field.name}`;
        seen.add(name);
        if (!nullForPartners.has(name)) visitType(getNamedType(field.type), name);
      }
      for (const iface of object.getInterfaces())
        for (const name of Object.keys(iface.getFields())) seen.add(`${iface.name}.${name}`);
    }
  };
  for (const root of roots) {
    const [typeName, fieldName] = root.split(".") as [string, string];
    const type = schema.getType(typeName) as GraphQLObjectType;
    visitType(getNamedType(type.getFields()[fieldName]!.type), root);
  }
  return seen;
}

let anonymous: Set<string>;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.prisma;
  await seedReferenceData(db);
  await createMemberRecord(db);
  await signInStaff(t, "staff@test.sa", ["STAFF"]);
  for (const scope of scopes) keys[scope] = (await createPartnerWithKey(db, [scope])).key;
  keys.ALL = (await createPartnerWithKey(db, scopes)).key;
  anonymous = await reachable(undefined);
}, 240_000);

afterAll(() => t?.close());

describe("what a partner reaches, field by field", () => {
  it.each([...scopes.map((s) => [s, [s]] as const), ["ALL", scopes] as const])(
    "a key with %s calls exactly its scopes' root fields (beyond what anyone may call)",
    async (name, held) => {
      const open = await reachable(keys[name as PartnerScope | "ALL"]);
      const beyondAnonymous = [...open].filter((f) => !anonymous.has(f)).sort();
      const expected = [...allowedFor([...held])].filter(isRoot).sort();
      expect(beyondAnonymous).toEqual(expected);
      // What anyone may call stays open to partners too (nothing is less public for them).
      for (const field of anonymous) expect(open.has(field), field).toBe(true);
    },
  );

  it.each([...scopes.map((s) => [s, [s]] as const), ["ALL", scopes] as const])(
    "the types a key with %s reaches have only its scopes' fields",
    (_name, held) => {
      const allowed = allowedFor([...held]);
      const roots = [...allowed].filter(isRoot);
      const reached = [...reachableFields(roots)].sort();
      expect(reached.filter((field) => !allowed.has(field))).toEqual([]);
    },
  );

  it("lists no field the schema does not have", () => {
    for (const name of Object.values(surface).flat()) {
      const [typeName, fieldName] = name.split(".") as [string, string];
      const type = schema.getType(typeName);
      expect(
        type && (isObjectType(type) || isInterfaceType(type)) && type.getFields()[fieldName],
        name,
      ).toBeTruthy();
    }
  });
});
