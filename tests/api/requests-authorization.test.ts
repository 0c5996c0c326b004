// Who may do what to requests: every role (and anonymous callers and partners) against every
// request operation, allowed and refused, as one table. The API decides, not the panel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../api/db/client.js";
import type { RequestStatus, RequestTypeCode, Role } from "../../api/db/generated/enums.js";
import { requestTypeCatalogue } from "../../prisma/seed/request-types.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  createStaffUser,
  outsideMeeting,
  password,
} from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
let db: PrismaClient;
let memberId: string;
let researcherId: string;
const credentials: Record<string, Record<string, string>> = {};

const roles: Role[] = ["ADMIN", "STAFF", "RESEARCHER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"];
const callers = [...roles, "ANONYMOUS", "PARTNER"] as const;
type CallerName = (typeof callers)[number];

/** A request already in the state the operation needs, on the researcher's case list. */
async function requestIn(
  status: RequestStatus,
  typeCode: RequestTypeCode = "IN_KIND_SUPPORT",
  referred = true,
) {
  const now = Date.now();
  const submitted = status !== "DRAFT";
  return db.request.create({
    data: {
      memberId,
      typeCode,
      channel: "PHONE",
      subject: "طلب",
      description: "وصف",
      status,
      researcherId: referred ? researcherId : null,
      submittedAt: submitted ? new Date(now) : null,
      decisionDueAt: submitted ? new Date(now + 14 * 86_400_000) : null,
      clockPausedAt: status === "NEEDS_INFO" ? new Date(now) : null,
      decision: status === "APPROVED" ? "APPROVED" : null,
    },
  });
}

async function mutate(caller: CallerName, name: string, input: Record<string, unknown>) {
  const typeName = name[0]!.toUpperCase() + name.slice(1);
  const result = await t.gql(
    `mutation($input: ${typeName}Input!) { ${name}(input: $input) { __typename } }`,
    { input },
    { headers: credentials[caller] },
  );
  return result.data?.[name]?.__typename ?? `errors: ${JSON.stringify(result.errors)}`;
}

async function query(caller: CallerName, text: string, variables: Record<string, unknown> = {}) {
  const result = await t.gql(text, variables, { headers: credentials[caller] });
  return result;
}

type Outcome = "allowed" | "refused";

function transition(
  name: string,
  status: RequestStatus,
  extra: () => Record<string, unknown> = () => ({}),
  typeCode: RequestTypeCode = "IN_KIND_SUPPORT",
  referred = true,
) {
  return async (caller: CallerName): Promise<Outcome> => {
    const request = await requestIn(status, typeCode, referred);
    const typename = await mutate(caller, name, {
      id: gid("Request", request.id),
      version: request.version,
      ...extra(),
    });
    if (typename.endsWith("Success")) return "allowed";
    // Not signed in is a refusal of its own (UnauthenticatedError), apart from "not allowed".
    const refusals =
      caller === "ANONYMOUS" ? ["UnauthenticatedError"] : ["ForbiddenError", "NotFoundError"];
    expect(refusals, `${name} by ${caller}: ${typename}`).toContain(typename);
    return "refused";
  };
}

const desk: CallerName[] = ["ADMIN", "STAFF"];
const staffUsers: CallerName[] = roles;

const operations: {
  name: string;
  allowed: CallerName[];
  run: (caller: CallerName) => Promise<Outcome>;
}[] = [
  {
    name: "requests (list)",
    allowed: staffUsers,
    run: async (caller) => {
      const result = await query(caller, `{ requests(first: 5) { totalCount } }`);
      return result.data?.requests ? "allowed" : "refused";
    },
  },
  {
    name: "request (show)",
    allowed: staffUsers,
    run: async (caller) => {
      const request = await requestIn("SUBMITTED");
      const result = await query(caller, `query($id: ID!) { request(id: $id) { status } }`, {
        id: gid("Request", request.id),
      });
      return result.data?.request ? "allowed" : "refused";
    },
  },
  {
    name: "requestTypes",
    allowed: staffUsers,
    run: async (caller) => {
      const result = await query(caller, `{ requestTypes { code } }`);
      return result.data?.requestTypes ? "allowed" : "refused";
    },
  },
  {
    name: "createRequest",
    allowed: desk,
    run: async (caller) => {
      const typename = await mutate(caller, "createRequest", {
        member: gid("Member", memberId),
        type: "INQUIRY",
        channel: "PHONE",
        subject: "استفسار",
      });
      return typename.endsWith("Success") ? "allowed" : "refused";
    },
  },
  {
    name: "updateRequest",
    allowed: desk,
    run: transition("updateRequest", "DRAFT", () => ({ subject: "موضوع معدل" })),
  },
  { name: "submitRequest", allowed: desk, run: transition("submitRequest", "DRAFT") },
  {
    name: "requestMoreInformation",
    allowed: [...desk, "RESEARCHER"],
    run: transition("requestMoreInformation", "WITH_RESEARCHER", () => ({ note: "المزيد" })),
  },
  { name: "resubmitRequest", allowed: desk, run: transition("resubmitRequest", "NEEDS_INFO") },
  {
    name: "referToResearcher",
    allowed: desk,
    run: transition("referToResearcher", "SUBMITTED", () => ({
      researcher: gid("User", researcherId),
    })),
  },
  {
    name: "raiseToCommittee",
    allowed: desk,
    run: transition("raiseToCommittee", "SUBMITTED", undefined, "IN_KIND_SUPPORT", false),
  },
  {
    name: "recordDecision",
    allowed: ["COMMITTEE_CHAIR"],
    run: transition("recordDecision", "IN_COMMITTEE", () => ({
      decision: "REJECTED",
      reason: "لا تنطبق الشروط",
      ...outsideMeeting,
    })),
  },
  { name: "completeRequest", allowed: desk, run: transition("completeRequest", "APPROVED") },
  { name: "withdrawRequest", allowed: desk, run: transition("withdrawRequest", "SUBMITTED") },
  {
    name: "startWork",
    allowed: desk,
    run: transition("startWork", "SUBMITTED", undefined, "INQUIRY"),
  },
  {
    name: "resolveRequest",
    allowed: desk,
    run: transition("resolveRequest", "IN_PROGRESS", () => ({ answer: "الجواب" }), "INQUIRY"),
  },
  {
    name: "closeRequest",
    allowed: desk,
    run: transition("closeRequest", "RESOLVED", undefined, "INQUIRY"),
  },
  {
    name: "updateRequestType",
    allowed: ["ADMIN"],
    run: async (caller) => {
      const type = await db.requestType.findUniqueOrThrow({ where: { code: "SUGGESTION" } });
      const typename = await mutate(caller, "updateRequestType", {
        code: "SUGGESTION",
        version: type.version,
        decisionPeriodDays: type.decisionPeriodDays === 14 ? 10 : 14,
      });
      return typename.endsWith("Success") ? "allowed" : "refused";
    },
  },
];

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  db = t.database.prisma;
  // The rules are relaxed here: this file is about who may act, not about completeness.
  await db.requestType.createMany({
    data: requestTypeCatalogue.map((type) => ({
      ...type,
      requiredDocumentKinds: [],
      attestationRequired: false,
    })),
  });
  memberId = (await createMemberRecord(db, { familySize: 4, monthlyIncome: "2000.00" })).id;
  for (const role of roles) {
    const email = `${role.toLowerCase().replace("_", "-")}@test.sa`;
    const user = await createStaffUser(db, email, [role]);
    if (role === "RESEARCHER") researcherId = user.id;
    credentials[role] = { authorization: `Bearer ${await t.signIn(email, password)}` };
  }
  credentials.ANONYMOUS = {};
  const { key } = await createPartnerWithKey(db, ["REQUESTS_READ", "REQUESTS_SUBMIT"]);
  credentials.PARTNER = { "x-api-key": key };
});

afterAll(() => t?.close());

describe("authorization matrix: every caller × every request operation", () => {
  for (const operation of operations) {
    it(`${operation.name}: allowed for ${operation.allowed.join(", ")} only`, async () => {
      const outcomes: Record<string, Outcome> = {};
      for (const caller of callers) outcomes[caller] = await operation.run(caller);
      const expected = Object.fromEntries(
        callers.map((c) => [c, operation.allowed.includes(c) ? "allowed" : "refused"]),
      );
      expect(outcomes).toEqual(expected);
    });
  }

  it("says why: UNAUTHENTICATED without credentials, FORBIDDEN for a role that may not", async () => {
    const request = await requestIn("IN_COMMITTEE");
    const input = {
      id: gid("Request", request.id),
      version: 1,
      decision: "APPROVED",
      reason: "x",
      ...outsideMeeting,
    };
    const text = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { __typename ... on Error { code } } }`;
    const anonymous = await t.gql(text, { input });
    expect(anonymous.data?.recordDecision.code).toBe("UNAUTHENTICATED");
    const staff = await t.gql(text, { input }, { headers: credentials.STAFF });
    expect(staff.data?.recordDecision.code).toBe("FORBIDDEN");
    const stored = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "IN_COMMITTEE", version: 1 });
    const partner: Json = await t.gql(
      `{ requests(first: 1) { totalCount } }`,
      {},
      {
        headers: credentials.PARTNER,
      },
    );
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
