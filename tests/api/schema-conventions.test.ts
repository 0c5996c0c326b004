// The schema's conventions as an integrator meets them at run time: every connection refuses
// a page without a size, or out of 1–100, with a typed error naming the argument; a refused
// root field nulls itself, not the whole answer; money has two decimals; a refused transition
// types its state and actions by its machine's enums; one connection type per node type.
import {
  type GraphQLEnumType,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../api/graphql/schema.js";
import { createRequestRecord, seedRequestRules } from "../fixtures/requests.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, createPartnerWithKey } from "../helpers/fixtures.js";

let t: TestApp;
let admin: string;
let partnerKey: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  partnerKey = (await createPartnerWithKey(t.database.prisma, ["REQUESTS_READ"])).key;
});

/** Who may call a root connection: a partner its own requests, an administrator the rest. */
const callerOf = (field: string) =>
  field === "partnerRequests" ? { headers: { "x-api-key": partnerKey } } : { token: admin };
/**
 * A partner's query is refused before it runs (its cost needs the page sizes: partners'
 * limits, docs/partners.md) with a code of its own; everyone else's at the field.
 */
const pageSizeCode = (field: string) =>
  field === "partnerRequests" ? "PAGE_SIZE_REQUIRED" : "VALIDATION_FAILED";

afterAll(() => t?.close());

/** Every root query field that is a connection, with its required arguments, if any. */
const rootConnections = Object.values(schema.getQueryType()!.getFields()).filter((field) => {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith("Connection");
});

describe("every connection checks its page size", () => {
  it("finds the connections to check", () => {
    expect(rootConnections.map((f) => f.name)).toEqual(
      expect.arrayContaining(["members", "requests", "users", "auditEntries", "articles"]),
    );
  });

  for (const field of rootConnections) {
    it(`${field.name}: first or last required, 1 to 100`, async () => {
      for (const [args, path] of [
        ["", "first"],
        ["(first: 0)", "first"],
        ["(first: 101)", "first"],
        ["(last: 0)", "last"],
      ] as const) {
        const result = await t.gql<Json>(
          `{ ${field.name}${args} { totalCount } }`,
          {},
          { ...callerOf(field.name), language: "en" },
        );
        // A nullable connection is null beside the others; a non-null one (public) nulls data.
        expect(result.data?.[field.name] ?? null, `${field.name}${args}`).toBeNull();
        const error = result.errors?.[0];
        expect(error?.extensions?.code, `${field.name}${args}`).toBe(pageSizeCode(field.name));
        expect(error?.message, `${field.name}${args}`).toMatch(/first|last|records/);
        if (pageSizeCode(field.name) === "VALIDATION_FAILED")
          expect(JSON.stringify(error?.extensions), `${field.name}${args}`).toContain(path);
      }
      const page = await t.gql<Json>(
        `{ ${field.name}(first: 100) { totalCount } }`,
        {},
        callerOf(field.name),
      );
      expect(page.errors, field.name).toBeUndefined();
    });
  }

  it("a related connection too (a member's requests)", async () => {
    await createMemberRecord(t.database.prisma, { fullNameAr: "سارة محمد القحطاني" });
    const result = await t.gql<Json>(
      `{ members(first: 1) { edges { node { fullNameAr requests(first: 500) { totalCount } } } } }`,
      {},
      { token: admin },
    );
    // The member's requests are read with the page (plugin-prisma), so the refusal is the page's.
    expect(result.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    expect((result.errors as Json)?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(["first"]);
  });
});

describe("nullable gated root fields", () => {
  it("a refused field is null with its error; the fields beside it still answer", async () => {
    const result = await t.gql<Json>(
      `{ articles(first: 1) { totalCount } members(first: 1) { totalCount } }`,
    );
    expect(result.data?.members).toBeNull();
    expect(result.data?.articles.totalCount).toBeGreaterThanOrEqual(0);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("money", () => {
  it("is written with two decimals", async () => {
    const member = await createMemberRecord(t.database.prisma, {
      fullNameAr: "نورة علي الشهري",
      monthlyIncome: "4500",
    });
    const result = await t.gql<Json>(
      `mutation($input: RevealMemberPersonalDataInput!) { revealMemberPersonalData(input: $input) {
        __typename ... on RevealMemberPersonalDataSuccess { personalData { monthlyIncome } } } }`,
      { input: { id: Buffer.from(`Member:${member.id}`).toString("base64") } },
      { token: admin },
    );
    expect(result.data?.revealMemberPersonalData.personalData.monthlyIncome).toBe("4500.00");
  });
});

describe("refused transitions", () => {
  const transitionInterface = schema.getType("InvalidTransitionError");
  const machines = isInterfaceType(transitionInterface)
    ? schema.getPossibleTypes(transitionInterface)
    : [];

  it("each state machine's type names and types its state and actions by its enums", () => {
    expect(machines.map((m) => m.name).sort()).toEqual([
      "AgendaItemTransitionError",
      "CommitteeSessionTransitionError",
      "OutboxTransitionError",
      "RequestTransitionError",
      "ResearchReportTransitionError",
    ]);
    for (const machine of machines) {
      // Beside `code` (ErrorCode, every error's): the state and the actions.
      const typed = Object.values(machine.getFields()).filter(
        (f) => f.name !== "code" && isEnumType(getNamedType(f.type)),
      );
      const [state, actions] = [
        typed.find((f) => !String(f.type).startsWith("[")),
        typed.find((f) => String(f.type).startsWith("[")),
      ];
      const stateEnum = getNamedType(state!.type) as GraphQLEnumType;
      const actionEnum = getNamedType(actions!.type) as GraphQLEnumType;
      // Named by its enum: requestStatus: RequestStatus!, allowedRequestActions: [RequestAction!]!
      expect(state!.name, machine.name).toBe(
        stateEnum.name[0]!.toLowerCase() + stateEnum.name.slice(1),
      );
      expect(String(state!.type)).toBe(`${stateEnum.name}!`);
      expect(actions!.name, machine.name).toBe(`allowed${actionEnum.name}s`);
      expect(String(actions!.type)).toBe(`[${actionEnum.name}!]!`);
      // The string fields stay, deprecated, for documents written against the first release.
      expect(machine.getFields().currentState?.deprecationReason).toBeTruthy();
      expect(machine.getFields().allowed?.deprecationReason).toBeTruthy();
    }
  });

  it("one union's refusals are selected side by side, and the interface with them", () => {
    const document = parse(`mutation($input: FinaliseCommitteeItemInput!) {
      finaliseCommitteeItem(input: $input) {
        __typename
        ... on InvalidTransitionError { code message }
        ... on CommitteeSessionTransitionError { sessionStatus allowedCommitteeActions }
        ... on AgendaItemTransitionError { agendaItemStatus allowedCommitteeActions }
        ... on RequestTransitionError { requestStatus allowedRequestActions }
      } }`);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it("answers the request's status and the actions its flow allows, as enum values", async () => {
    await seedRequestRules(t.database.prisma);
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "هند سعد العتيبي" });
    const request = await createRequestRecord(t.database.prisma, member.id, {
      status: "IN_COMMITTEE",
    });
    const result = await t.gql<Json>(
      `mutation($input: StartWorkInput!) { startWork(input: $input) {
        __typename ... on RequestTransitionError { code requestStatus allowedRequestActions message } } }`,
      {
        input: {
          id: Buffer.from(`Request:${request.id}`).toString("base64"),
          version: request.version,
        },
      },
      { token: admin, language: "en" },
    );
    // START_WORK is a service-flow action: the committee flow allows others from this status.
    expect(result.data?.startWork).toMatchObject({
      __typename: "RequestTransitionError",
      code: "INVALID_TRANSITION",
      requestStatus: "IN_COMMITTEE",
      allowedRequestActions: ["RECORD_DECISION", "WITHDRAW"],
    });
    expect(result.data?.startWork.message).toContain("with the research committee");
  });
});

describe("one connection type per node type", () => {
  it("every list of one node type answers the same connection and edge types", () => {
    const connections = new Map<string, Set<string>>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        const connection = getNamedType(field.type);
        if (!isObjectType(connection) || !connection.name.endsWith("Connection")) continue;
        const edge = getNamedType(connection.getFields().edges!.type);
        const node = isObjectType(edge) ? getNamedType(edge.getFields().node!.type).name : "";
        connections.set(node, (connections.get(node) ?? new Set()).add(connection.name));
      }
    }
    const twins = [...connections].filter(([, names]) => names.size > 1);
    expect(twins.map(([node, names]) => `${node}: ${[...names].join(", ")}`)).toEqual([]);
    expect([...connections.get("Request")!]).toEqual(["RequestConnection"]);
  });

  it("one fragment reads all requests and a member's, with the same totals", async () => {
    await seedRequestRules(t.database.prisma);
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "ريم خالد الدوسري" });
    for (const status of ["DRAFT", "SUBMITTED"] as const)
      await createRequestRecord(t.database.prisma, member.id, { status });
    const id = Buffer.from(`Member:${member.id}`).toString("base64");
    const result = await t.gql<Json>(
      `query($id: ID!) {
        requests(first: 5, filter: { member: $id }) { ...Page }
        node(id: $id) { ... on Member { requests(first: 5) { ...Page } } }
      }
      fragment Page on RequestConnection { totalCount edges { node { id status } } }`,
      { id },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.requests.totalCount).toBe(2);
    expect(result.data?.node.requests).toEqual(result.data?.requests);
  });
});
