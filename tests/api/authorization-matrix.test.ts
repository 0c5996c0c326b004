// What each caller may see, against everything that lists or counts: for every role (and a
// partner key and an anonymous caller) and every list, count, node lookup, subscription and
// download, rows the caller may see and rows it may not are seeded, and the second kind must
// never appear. Table-driven: a module that adds a list adds a row to `probes`.
//
// The rows hang off four "cases" of one member: a request referred to the researcher who
// signs in ("mine"), one referred to another researcher ("theirs"), one referred to nobody
// ("unassigned"), and rows on the member alone ("member"). Case-wide roles (admin, staff,
// committee) see all four; a researcher only "mine" (DOMAIN.md); partners and anonymous
// callers none of the staff's data.
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../api/auth/caller.js";
import type { Role } from "../../api/db/generated/enums.js";
import { articleSearchColumns } from "../../api/modules/knowledge/commands.js";
import { documentStorage, newStorageKey } from "../../api/modules/requests/documents/storage.js";
import { visibleRequestsSql, visibleRequestsWhere } from "../../api/modules/requests/policy.js";
import { createRequestRecord, sampleFile, seedRequestRules } from "../fixtures/requests.js";
import { type Json, socketClient, startTestApp, type TestApp } from "../helpers/app.js";
import { staffCaller } from "../helpers/callers.js";
import {
  createMemberRecord,
  createPartnerWithKey,
  createStaffUser,
  password,
} from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

const callers = [
  "ADMIN",
  "STAFF",
  "STAFF_MASKED",
  "RESEARCHER",
  "COMMITTEE_MEMBER",
  "COMMITTEE_CHAIR",
  "PARTNER",
  "ANONYMOUS",
] as const;
type CallerName = (typeof callers)[number];
const cases = ["mine", "theirs", "unassigned", "member"] as const;
type Case = (typeof cases)[number];
const requestCases = ["mine", "theirs", "unassigned"] as const;

const staffRoles: CallerName[] = [
  "ADMIN",
  "STAFF",
  "STAFF_MASKED",
  "RESEARCHER",
  "COMMITTEE_MEMBER",
  "COMMITTEE_CHAIR",
];
const caseWide: CallerName[] = [
  "ADMIN",
  "STAFF",
  "STAFF_MASKED",
  "COMMITTEE_MEMBER",
  "COMMITTEE_CHAIR",
];
const memberDesk: CallerName[] = ["ADMIN", "STAFF", "STAFF_MASKED"];
const committeeReaders: CallerName[] = [...memberDesk, "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"];
/**
 * Committee sessions: staff who schedule them (and admins) read every one; a committee member
 * or chair only those they sit in ("mine"); no one else any.
 */
const bySession = (caller: CallerName): Seen =>
  memberDesk.includes(caller)
    ? ["mine", "theirs"]
    : committeeReaders.includes(caller)
      ? ["mine"]
      : "refused";

type Seen = Case[] | "refused";

/**
 * Knowledge-base articles (api/modules/knowledge/policy.ts), marked by case: "member" is the
 * PUBLIC published article (anyone, no account), "mine" a STAFF published one (staff),
 * "theirs" a draft (editors: the member desk).
 */
const byAudience = (caller: CallerName): Seen =>
  memberDesk.includes(caller)
    ? ["mine", "theirs", "member"]
    : staffRoles.includes(caller)
      ? ["mine", "member"]
      : ["member"];
type Probe = {
  name: string;
  /** What this caller must see: its cases, or "refused" (an error, 401/403, no data). */
  expected: (caller: CallerName) => Seen;
  /** The cases seen, or a count (compared with the number of cases expected). */
  run: (caller: CallerName) => Promise<Seen | number>;
  /** Lookups one by one: a refused caller simply finds nothing. */
  refusalIsEmpty?: boolean;
};

/** The one rule: allowed callers see the cases among `among` that their reach includes. */
const byCase =
  (allowed: CallerName[], among: readonly Case[]) =>
  (caller: CallerName): Seen => {
    if (!allowed.includes(caller)) return "refused";
    if (caseWide.includes(caller)) return [...among];
    return caller === "RESEARCHER" ? among.filter((c) => c === "mine") : [];
  };
/** Rows that are not case rows (members, users, audit entries): every allowed caller sees them. */
const toAllowed =
  (allowed: CallerName[], among: readonly Case[]) =>
  (caller: CallerName): Seen =>
    allowed.includes(caller) ? [...among] : "refused";

let t: TestApp;
const headers: Record<CallerName, Record<string, string>> = {} as never;
const tokens: Partial<Record<CallerName, string>> = {};
let apiKey = "";
let memberId = "";
const requestIds = {} as Record<(typeof requestCases)[number], string>;
const documentIds = {} as Record<Case, string>;
const communicationIds = {} as Record<Case, string>;
const articleIds = {} as Record<"mine" | "theirs" | "member", string>;
const reportIds = {} as Record<"mine" | "theirs", string>;
let auditEntryId = "";
const sessionIds = {} as Record<"mine" | "theirs", string>;
const agendaItemIds = {} as Record<"mine" | "theirs", string>;
let userId = "";
let researcherId = "";

const marker = (c: Case) => `matrix-${c}`;
/** The cases whose markers appear in a text (in any case), in the table's order. */
const casesIn = (text: string): Case[] =>
  cases.filter((c) => text.toLowerCase().includes(marker(c)));
/** References are upper case (request(reference:) upper-cases what it is given). */
const referenceOf = (c: Case) => `REQ-${marker(c).toUpperCase()}`;

async function query(caller: CallerName, text: string, variables: Json = {}): Promise<Json> {
  return t.gql(text, variables, { headers: headers[caller] });
}

/** A list (and its totalCount, which must agree): the cases of the markers it shows. */
async function listed(caller: CallerName, text: string, pick: (data: Json) => Json): Promise<Seen> {
  const result = await query(caller, text, { member: gid("Member", memberId) });
  const list = result.data ? pick(result.data) : null;
  if (!list) return "refused";
  const seen = casesIn(JSON.stringify(list.edges ?? list));
  if (list.totalCount !== undefined)
    expect(list.totalCount, `${caller}: totalCount`).toBe(seen.length);
  return seen;
}

async function node(caller: CallerName, type: string, id: string): Promise<boolean> {
  const result = await query(caller, `query($id: ID!) { node(id: $id) { id } }`, {
    id: gid(type, id),
  });
  return !!result.data?.node?.id;
}

/** Node lookups: the cases whose record the caller reads through node(id:). */
async function nodes(
  caller: CallerName,
  type: string,
  ids: Partial<Record<Case, string>>,
): Promise<Seen> {
  const seen: Case[] = [];
  for (const c of cases) if (ids[c] && (await node(caller, type, ids[c]!))) seen.push(c);
  return seen;
}

async function download(caller: CallerName, path: string): Promise<number> {
  const response = await fetch(`${t.url}${path}`, {
    headers: { ...headers[caller], "x-wasl-csrf": "1" },
  });
  await response.arrayBuffer();
  return response.status;
}

function connect(caller: CallerName): Client {
  return socketClient(t.url, {
    connectionParams:
      caller === "PARTNER"
        ? { apiKey }
        : tokens[caller]
          ? { authorization: `Bearer ${tokens[caller]}` }
          : {},
    lazy: false,
  });
}

/**
 * Subscribes every caller at once, fires `trigger`, and collects for a while what each
 * receives: the cases of the events, or "refused" when the server answered with an error or
 * closed the socket.
 */
async function subscribed(
  text: string,
  trigger: () => Promise<void>,
): Promise<Record<CallerName, Seen>> {
  const outcome = {} as Record<CallerName, Seen>;
  const clients: Client[] = [];
  const settled: Promise<void>[] = [];
  let disposing = false;
  for (const caller of callers) {
    const client = connect(caller);
    clients.push(client);
    const seen: Case[] = [];
    outcome[caller] = seen;
    settled.push(
      new Promise<void>((resolve) => {
        // Closed by the server before we hang up: refused (e.g. a socket without a session).
        client.on("closed", () => {
          if (!disposing && !seen.length) outcome[caller] = "refused";
          resolve();
        });
        client.subscribe(
          { query: text },
          {
            next: (value) => {
              if (value.errors?.length) outcome[caller] = "refused";
              else
                for (const c of casesIn(JSON.stringify(value.data)))
                  if (!seen.includes(c)) seen.push(c);
            },
            error: () => {
              outcome[caller] = "refused";
              resolve();
            },
            complete: () => resolve(),
          },
        );
      }),
    );
  }
  // The server acknowledges a connection before it registers the subscription.
  await new Promise((r) => setTimeout(r, 400));
  await trigger();
  await new Promise((r) => setTimeout(r, 800));
  disposing = true;
  await Promise.all(clients.map((c) => c.dispose()));
  await Promise.race([Promise.all(settled), new Promise((r) => setTimeout(r, 500))]);
  for (const caller of callers) {
    const seen = outcome[caller];
    if (seen !== "refused") seen.sort((a, b) => cases.indexOf(a) - cases.indexOf(b));
  }
  return outcome;
}

const probes: Probe[] = [
  // ── lists and their counts ──
  {
    name: "requests { totalCount edges }",
    expected: byCase(staffRoles, requestCases),
    run: (c) =>
      listed(
        c,
        `{ requests(first: 100) { totalCount edges { node { subject } } } }`,
        (d) => d.requests,
      ),
  },
  {
    name: "Member.requests { totalCount edges }",
    expected: byCase(staffRoles, requestCases),
    run: (c) =>
      listed(
        c,
        `query($member: ID!) { member(id: $member) { requests(first: 100) { totalCount edges { node { subject } } } } }`,
        (d) => d.member?.requests,
      ),
  },
  {
    name: "Member.requests { totalCount } alone",
    expected: byCase(staffRoles, requestCases),
    run: async (c) => {
      const result = await query(
        c,
        `query($member: ID!) { member(id: $member) { requests(first: 1) { totalCount } } }`,
        { member: gid("Member", memberId) },
      );
      return result.data?.member?.requests?.totalCount ?? "refused";
    },
  },
  {
    name: "Member.recentTimeline",
    expected: byCase(staffRoles, cases),
    run: (c) =>
      listed(
        c,
        `query($member: ID!) { member(id: $member) { recentTimeline(first: 100) { note } } }`,
        (d) => d.member?.recentTimeline,
      ),
  },
  {
    name: "Member.recentDocuments",
    expected: byCase(staffRoles, cases),
    run: (c) =>
      listed(
        c,
        `query($member: ID!) { member(id: $member) { recentDocuments(first: 100) { fileName } } }`,
        (d) => d.member?.recentDocuments,
      ),
  },
  {
    name: "Member.communications { totalCount edges }",
    expected: byCase(memberDesk, cases),
    run: (c) =>
      listed(
        c,
        `query($member: ID!) { member(id: $member) { communications(first: 100) { totalCount edges { node { subject } } } } }`,
        (d) => d.member?.communications,
      ),
  },
  {
    name: "Request.communications { totalCount edges }, through the requests list",
    expected: byCase(staffRoles, requestCases),
    run: (c) =>
      listed(
        c,
        `{ requests(first: 5) { edges { node { communications(first: 5) { totalCount edges { node { subject } } } } } } }`,
        (d) => d.requests,
      ),
  },
  {
    name: "Request.documents, through the requests list",
    expected: byCase(staffRoles, requestCases),
    run: (c) =>
      listed(
        c,
        `{ requests(first: 5) { edges { node { documents { fileName } } } } }`,
        (d) => d.requests,
      ),
  },
  {
    name: "Request.timeline and Request.researchReports, through the requests list",
    expected: byCase(staffRoles, requestCases),
    run: (c) =>
      listed(
        c,
        `{ requests(first: 5) { edges { node { timeline(first: 5) { edges { node { note } } } researchReports { findings } } } } }`,
        (d) => d.requests,
      ),
  },
  {
    name: "request(reference:) for each request",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, requestCases),
    run: async (c) => {
      const seen: Case[] = [];
      for (const k of requestCases) {
        const result = await query(c, `query($r: String) { request(reference: $r) { subject } }`, {
          r: referenceOf(k),
        });
        seen.push(...casesIn(JSON.stringify(result.data ?? null)));
      }
      return seen;
    },
  },
  {
    name: "nodes(ids:) over every case row at once",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, cases),
    run: async (c) => {
      const ids = [
        ...requestCases.map((k) => gid("Request", requestIds[k])),
        ...cases.map((k) => gid("Document", documentIds[k])),
        ...cases.map((k) => gid("Communication", communicationIds[k])),
      ];
      const result = await query(
        c,
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Request { subject } ... on Document { fileName } ... on Communication { subject } } }`,
        { ids },
      );
      return casesIn(JSON.stringify(result.data ?? null));
    },
  },
  {
    name: "members { totalCount edges }",
    expected: toAllowed(staffRoles, ["member"]),
    run: (c) =>
      listed(
        c,
        `{ members(first: 100) { totalCount edges { node { fullNameEn } } } }`,
        (d) => d.members,
      ),
  },
  {
    name: "auditEntries",
    expected: toAllowed(["ADMIN"], ["member"]),
    run: (c) =>
      listed(
        c,
        `{ auditEntries(first: 100, filter: { entityType: "Matrix" }) { totalCount edges { node { actorLabel } } } }`,
        (d) => d.auditEntries,
      ),
  },
  {
    name: "dashboard counts",
    expected: byCase(staffRoles, requestCases),
    run: async (c) => {
      const result = await query(
        c,
        `{ dashboard { openTotal overdue submittedInPeriod openByStatus { key count } byChannel { key count } byType { key count } } }`,
      );
      const d = result.data?.dashboard;
      if (!d) return "refused";
      const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
      // Every figure counts the same requests here: all open, submitted today, overdue.
      const figures = [
        d.openTotal,
        d.overdue,
        d.submittedInPeriod,
        sum(d.openByStatus),
        sum(d.byChannel),
        sum(d.byType),
      ];
      expect(new Set(figures).size, `${c}: ${figures}`).toBe(1);
      return figures[0];
    },
  },
  {
    name: "committeeSessions { totalCount edges }",
    expected: bySession,
    run: (c) =>
      listed(
        c,
        `{ committeeSessions(first: 100) { totalCount edges { node { minutes } } } }`,
        (d) => d.committeeSessions,
      ),
  },
  {
    name: "committeeRoom(session:) for each session",
    refusalIsEmpty: true,
    expected: bySession,
    run: async (c) => {
      const seen: Case[] = [];
      for (const which of ["mine", "theirs"] as const) {
        const result = await query(
          c,
          `query($s: ID!) { committeeRoom(session: $s) { ... on CommitteeRoomSuccess { room { items { subject } } } } }`,
          { s: gid("CommitteeSession", sessionIds[which]) },
        );
        if (casesIn(JSON.stringify(result.data?.committeeRoom ?? {})).includes(which))
          seen.push(which);
      }
      return seen;
    },
  },
  // ── node(id:) on every Node type ──
  {
    name: "node(id:) on CommitteeSession",
    refusalIsEmpty: true,
    expected: bySession,
    run: (c) => nodes(c, "CommitteeSession", sessionIds),
  },
  {
    // The case file's committee history: whoever reads committee matters reads every item.
    name: "node(id:) on AgendaItem",
    refusalIsEmpty: true,
    expected: toAllowed(committeeReaders, ["mine", "theirs"]),
    run: (c) => nodes(c, "AgendaItem", agendaItemIds),
  },
  {
    name: "node(id:) on Request",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, requestCases),
    run: (c) => nodes(c, "Request", requestIds),
  },
  {
    name: "node(id:) on Document",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, cases),
    run: (c) => nodes(c, "Document", documentIds),
  },
  {
    name: "node(id:) on Communication",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, cases),
    run: (c) => nodes(c, "Communication", communicationIds),
  },
  {
    name: "node(id:) on ResearchReport",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, ["mine", "theirs"]),
    run: (c) => nodes(c, "ResearchReport", reportIds),
  },
  {
    name: "node(id:) on Member",
    refusalIsEmpty: true,
    expected: toAllowed(staffRoles, ["member"]),
    run: (c) => nodes(c, "Member", { member: memberId }),
  },
  {
    name: "node(id:) on User",
    refusalIsEmpty: true,
    expected: toAllowed(["ADMIN"], ["member"]),
    run: (c) => nodes(c, "User", { member: userId }),
  },
  {
    name: "node(id:) on AuditEntry",
    refusalIsEmpty: true,
    expected: toAllowed(["ADMIN"], ["member"]),
    run: (c) => nodes(c, "AuditEntry", { member: auditEntryId }),
  },
  {
    name: "articles { totalCount edges }",
    expected: byAudience,
    run: (c) =>
      listed(
        c,
        `{ articles(first: 100) { totalCount edges { node { titleAr } } } }`,
        (d) => d.articles,
      ),
  },
  {
    name: "articles(filter: { search }) { totalCount edges }, through the search's SQL",
    expected: byAudience,
    run: (c) =>
      listed(
        c,
        `{ articles(first: 100, filter: { search: "matrix" }) { totalCount edges { node { titleAr } } } }`,
        (d) => d.articles,
      ),
  },
  {
    name: "node(id:) on Article",
    refusalIsEmpty: true,
    // node(id:) is staff's; without an account a PUBLIC article is read by address (article(slug:)).
    expected: (c) => (staffRoles.includes(c) ? byAudience(c) : "refused"),
    run: (c) => nodes(c, "Article", articleIds),
  },
  {
    name: "article(slug:) for each article",
    refusalIsEmpty: true,
    expected: byAudience,
    run: async (c) => {
      const seen: Case[] = [];
      for (const k of ["mine", "theirs", "member"] as const) {
        const result = await query(c, `query($slug: String) { article(slug: $slug) { slug } }`, {
          slug: marker(k),
        });
        if (result.data?.article?.slug) seen.push(k);
      }
      return cases.filter((k) => seen.includes(k));
    },
  },
  {
    name: "GET /kb/<slug> (the public page) for each article",
    expected: () => ["member"],
    run: async (c) => {
      const seen: Case[] = [];
      for (const k of ["mine", "theirs", "member"] as const)
        if ((await download(c, `/kb/${marker(k)}`)) === 200) seen.push(k);
      return seen;
    },
  },
  // ── HTTP downloads ──
  {
    name: "GET /documents/<id>",
    refusalIsEmpty: true,
    expected: byCase(staffRoles, cases),
    run: async (c) => {
      const seen: Case[] = [];
      for (const k of cases)
        if ((await download(c, `/documents/${documentIds[k]}`)) === 200) seen.push(k);
      return seen;
    },
  },
  {
    name: "GET /export/members.csv",
    expected: toAllowed(memberDesk, ["member"]),
    run: async (c) => {
      const response = await fetch(`${t.url}/export/members.csv?lang=en`, {
        headers: { ...headers[c], "x-wasl-csrf": "1" },
      });
      const text = await response.text();
      if (response.status !== 200) return "refused";
      return text.includes("matrix-member-name") ? ["member"] : [];
    },
  },
];

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.prisma;
  await seedRequestRules(db);
  const users: Partial<Record<CallerName, string>> = {};
  const accounts: [CallerName, Parameters<typeof createStaffUser>[2], boolean][] = [
    ["ADMIN", ["ADMIN"], false],
    ["STAFF", ["STAFF"], true],
    ["STAFF_MASKED", ["STAFF"], false],
    ["RESEARCHER", ["RESEARCHER"], false],
    ["COMMITTEE_MEMBER", ["COMMITTEE_MEMBER"], false],
    ["COMMITTEE_CHAIR", ["COMMITTEE_CHAIR"], false],
  ];
  for (const [name, roles, personalDataAccess] of accounts) {
    const email = `${name.toLowerCase()}@matrix.sa`;
    users[name] = (await createStaffUser(db, email, roles, { personalDataAccess })).id;
    tokens[name] = await t.signIn(email, password);
    headers[name] = { authorization: `Bearer ${tokens[name]}` };
  }
  userId = users.STAFF!;
  researcherId = users.RESEARCHER!;
  const other = await createStaffUser(db, "other-researcher@matrix.sa", ["RESEARCHER"]);
  apiKey = (await createPartnerWithKey(db, ["REQUESTS_READ", "REQUESTS_SUBMIT"], "matrix")).key;
  headers.PARTNER = { "x-api-key": apiKey };
  headers.ANONYMOUS = {};

  const member = await createMemberRecord(db, {
    fullNameAr: "عضو المصفوفة",
    fullNameEn: "matrix-member-name",
  });
  memberId = member.id;
  const researcherOf = { mine: users.RESEARCHER!, theirs: other.id, unassigned: null };
  const submittedAt = new Date(Date.now() - 20 * 86_400_000);
  for (const c of requestCases) {
    const request = await createRequestRecord(db, memberId, {
      subject: `طلب ${marker(c)}`,
      status: "WITH_RESEARCHER",
      researcherId: researcherOf[c],
      submittedAt: new Date(),
      decisionDueAt: new Date(submittedAt.getTime() + 14 * 86_400_000),
      // The marker in the reference too: the only field a partner's event would show.
      reference: referenceOf(c),
    });
    requestIds[c] = request.id;
  }
  const storage = documentStorage(t.config);
  for (const c of cases) {
    const requestId = c === "member" ? null : requestIds[c];
    await db.timelineEvent.create({
      data: { memberId, requestId, kind: "NOTE", note: marker(c) },
    });
    const storageKey = newStorageKey();
    const bytes = sampleFile("sample.pdf");
    await storage.put(storageKey, bytes);
    documentIds[c] = (
      await db.document.create({
        data: {
          memberId,
          requestId,
          kind: "NATIONAL_ID_COPY",
          fileName: `${marker(c)}.pdf`,
          contentType: "application/pdf",
          size: bytes.length,
          sha256: "0".repeat(64),
          storageKey,
          uploadedByActor: "USER",
        },
      })
    ).id;
    communicationIds[c] = (
      await db.communication.create({
        data: {
          memberId,
          requestId,
          channel: "PHONE",
          direction: "INBOUND",
          subject: marker(c),
          handledById: users.STAFF!,
        },
      })
    ).id;
  }
  for (const [c, audience, status] of [
    ["mine", "STAFF", "PUBLISHED"],
    ["theirs", "PUBLIC", "DRAFT"],
    ["member", "PUBLIC", "PUBLISHED"],
  ] as const) {
    const text = { titleAr: marker(c), titleEn: null, bodyAr: marker(c), bodyEn: null };
    articleIds[c] = (
      await db.article.create({
        data: {
          ...text,
          ...articleSearchColumns(text),
          slug: marker(c),
          category: "FAQ",
          audience,
          status,
        },
      })
    ).id;
  }
  for (const [c, researcherId] of [
    ["mine", users.RESEARCHER!],
    ["theirs", other.id],
  ] as const) {
    reportIds[c] = (
      await db.researchReport.create({
        data: {
          requestId: requestIds[c],
          researcherId,
          visitKind: "HOME_VISIT",
          visitDate: new Date("2026-03-01"),
          findings: marker(c),
          recommendation: "APPROVE",
          submittedAt: new Date(),
        },
      })
    ).id;
  }
  const otherChair = await createStaffUser(db, "other-chair@matrix.sa", ["COMMITTEE_CHAIR"]);
  const otherMember = await createStaffUser(db, "other-member@matrix.sa", ["COMMITTEE_MEMBER"]);
  const seats = {
    mine: [users.COMMITTEE_CHAIR!, users.COMMITTEE_MEMBER!],
    theirs: [otherChair.id, otherMember.id],
  } as const;
  for (const [index, c] of (["mine", "theirs"] as const).entries()) {
    const [chairId, memberUserId] = seats[c];
    const session = await db.committeeSession.create({
      data: {
        year: 1448,
        number: index + 1,
        scheduledAt: new Date(),
        chairId,
        minutes: marker(c),
        attendance: { create: [{ userId: chairId }, { userId: memberUserId }] },
        agenda: { create: [{ requestId: requestIds[c], position: 1 }] },
      },
      include: { agenda: true },
    });
    sessionIds[c] = session.id;
    agendaItemIds[c] = session.agenda[0]!.id;
  }
  auditEntryId = (
    await db.auditEntry.create({
      data: {
        actorKind: "SYSTEM",
        // The marker in a field the log shows (the entity's database id is not in the schema).
        actorLabel: marker("member"),
        action: "UPDATE",
        entityType: "Matrix",
        entityId: marker("member"),
      },
    })
  ).id;
});

afterAll(() => t?.close());

describe("authorization matrix: every caller × everything that lists or counts", () => {
  for (const probe of probes) {
    it(probe.name, async () => {
      const outcomes = {} as Record<CallerName, Seen | number>;
      const expected = {} as Record<CallerName, Seen | number>;
      const plain = (seen: Seen) => (probe.refusalIsEmpty && seen === "refused" ? [] : seen);
      for (const caller of callers) {
        const outcome = await probe.run(caller);
        const rule = plain(probe.expected(caller));
        outcomes[caller] = typeof outcome === "number" ? outcome : plain(outcome);
        expected[caller] = typeof outcome === "number" && rule !== "refused" ? rule.length : rule;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

describe("authorization matrix: subscriptions", () => {
  it("requestChanged: a caller receives only the requests it may see", async () => {
    const outcome = await subscribed(
      `subscription { requestChanged { reference request { subject } } }`,
      async () => {
        for (const c of requestCases) {
          const result = await t.gql(
            `mutation($input: RecordCommunicationInput!) { recordCommunication(input: $input) { __typename } }`,
            {
              input: {
                request: gid("Request", requestIds[c]),
                channel: "PHONE",
                direction: "OUTBOUND",
                subject: `event ${marker(c)}`,
              },
            },
            { token: tokens.ADMIN },
          );
          expect(result.data?.recordCommunication.__typename).toBe("RecordCommunicationSuccess");
        }
      },
    );
    // Partners receive only the requests they submitted (none here).
    expect(outcome).toEqual({
      ...Object.fromEntries(callers.map((c) => [c, byCase(staffRoles, requestCases)(c)])),
      PARTNER: [],
      ANONYMOUS: "refused",
    });
  });

  it("committeeRoom: only the session's chair, members and admins follow it", async () => {
    const outcome = await subscribed(
      `subscription { committeeRoom(session: "${gid("CommitteeSession", sessionIds.mine)}") { room { items { subject } } } }`,
      async () => {
        const result = await t.gql(
          `mutation($input: ChangeCommitteeSessionInput!) { changeCommitteeSession(input: $input) { __typename } }`,
          {
            input: {
              session: gid("CommitteeSession", sessionIds.mine),
              version: 1,
              scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
            },
          },
          { token: tokens.STAFF },
        );
        expect(result.data?.changeCommitteeSession.__typename).toBe(
          "ChangeCommitteeSessionSuccess",
        );
      },
    );
    expect(outcome).toEqual(
      Object.fromEntries(
        callers.map((c) => [
          c,
          ["ADMIN", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"].includes(c) ? ["mine"] : "refused",
        ]),
      ),
    );
  });

  it("memberChanged: staff receive member changes (masked as usual); partners and anonymous callers nothing", async () => {
    const outcome = await subscribed(
      `subscription { memberChanged { member { fullNameEn } } }`,
      async () => {
        const result = await t.gql(
          `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`,
          { input: { id: gid("Member", memberId), version: 1, city: "جدة" } },
          { token: tokens.STAFF },
        );
        expect(result.data?.updateMember.__typename).toBe("UpdateMemberSuccess");
      },
    );
    expect(outcome).toEqual(
      Object.fromEntries(callers.map((c) => [c, toAllowed(staffRoles, ["member"])(c)])),
    );
  });
});

describe("the rule's SQL form (dashboard aggregates)", () => {
  it("selects exactly the requests its Prisma form selects, for every kind of caller", async () => {
    const db = t.database.prisma;
    const user = (roles: Role[]) =>
      staffCaller({ id: researcherId, email: "r@matrix.sa", fullName: "r", roles });
    const subjects: Caller[] = [
      user(["RESEARCHER"]),
      user(["RESEARCHER", "STAFF"]),
      user(["COMMITTEE_MEMBER"]),
      user(["ADMIN"]),
      { kind: "anonymous" },
      {
        kind: "partner",
        partnerId: "p",
        apiKeyId: "k",
        name: "p",
        scopes: ["REQUESTS_READ"],
        keyExpiresAt: null,
      },
    ];
    for (const caller of subjects) {
      const prismaIds = (
        await db.request.findMany({ where: visibleRequestsWhere(caller), select: { id: true } })
      )
        .map((r) => r.id)
        .sort();
      const sqlIds = (
        await db.$queryRaw<
          { id: string }[]
        >`SELECT "id"::text AS id FROM "Request" WHERE true ${visibleRequestsSql(caller)}`
      )
        .map((r) => r.id)
        .sort();
      expect(sqlIds, JSON.stringify(caller)).toEqual(prismaIds);
    }
  });
});
