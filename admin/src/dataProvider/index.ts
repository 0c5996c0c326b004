// The panel's data provider: ra-data-graphql with our buildQuery, cursor paging over page
// numbers, uniform errors, and the custom calls of our screens (reveal, case file, dashboard,
// CSV export).
import { gql } from "@apollo/client";
import { print } from "graphql";
import buildGraphQLProvider from "ra-data-graphql";
import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyReferenceParams,
} from "react-admin";
import type { DashboardFigures as ContractDashboardFigures } from "../../../contract/dashboard.js";
import type { WaslApolloClient } from "../providers/apollo.js";
import { csrfHeaders } from "../providers/endpoint.js";
import { getLocale } from "../providers/locale.js";
import { buildQuery, maxPageSize, pagedByCursor } from "./buildQuery.js";
import { type CommitteeCalls, committeeCalls } from "./committee.js";
import { CursorCache } from "./cursors.js";
import { normaliseError, type TypedErrorResult, typedResultError } from "./errors.js";
import { requestSummaryFields } from "./fragments.js";
import { type KnowledgeCalls, knowledgeCalls } from "./knowledge.js";
import { type LetterCalls, letterCalls } from "./letters.js";
import { carriesFile, postMultipart } from "./multipart.js";
import { type OutboxCalls, outboxCalls } from "./outbox.js";
import { type PartnerCalls, partnerCalls } from "./partners.js";
import { type RequestShareCalls, requestShareCalls } from "./requestShares.js";
import { type RequestCalls, requestCalls } from "./requests.js";
import { memberFilter, memberOrderBy } from "./resources/members.js";
import { requestFilter, requestOrderBy } from "./resources/requests.js";
import { type SurveyCalls, surveyCalls } from "./surveys.js";
import { type WebhookCalls, webhookCalls } from "./webhooks.js";

export type PersonalData = { nationalId: string; mobile: string; monthlyIncome: string | null };
export type { CountBy } from "../../../contract/dashboard.js";
/** The dashboard's figures as they travel: instants as ISO text (contract/dashboard.ts). */
export type DashboardFigures = ContractDashboardFigures<string>;
export type RequestSummary = {
  id: string;
  reference: string | null;
  type: string;
  channel: string;
  status: string;
  subject: string;
  submittedAt: string | null;
  decisionDueAt: string | null;
  createdAt: string;
};
export type TimelineEntry = {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorName: string | null;
  at: string;
};
export type DocumentEntry = {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  verification: string;
  rejectionReason: string | null;
  createdAt: string;
};
export type MemberCaseFile = {
  requests: RequestSummary[];
  requestsTotal: number;
  timeline: TimelineEntry[];
  documents: DocumentEntry[];
};

/** The calls each resource's module adds beside react-admin's CRUD. */
type ModuleCalls = RequestCalls &
  CommitteeCalls &
  KnowledgeCalls &
  SurveyCalls &
  OutboxCalls &
  WebhookCalls &
  LetterCalls &
  PartnerCalls &
  RequestShareCalls;

export type WaslDataProvider = DataProvider &
  ModuleCalls & {
    revealPersonalData(id: string): Promise<PersonalData>;
    getMemberCaseFile(id: string): Promise<MemberCaseFile>;
    getDashboard(period: { from?: string; to?: string }): Promise<DashboardFigures>;
    /** The list's CSV export (its filters and order), from the API's export route. */
    exportCsv(
      resource: CsvExport,
      params: { filter: Record<string, unknown>; sort?: { field: string; order: string } },
    ): Promise<Blob>;
    /** Live updates call this: the resource's page cursors may have moved. (A promise, as
     * react-admin's data provider proxy expects of every method.) */
    forgetCursors(resource?: string): Promise<void>;
  };

/** The lists with a CSV export: their filters and order as the export route reads them. */
const csvExports = {
  members: { filterOf: memberFilter, orderOf: memberOrderBy },
  requests: { filterOf: requestFilter, orderOf: requestOrderBy },
} as const;
export type CsvExport = keyof typeof csvExports;

const revealMutation = gql`
  mutation Reveal($id: ID!) {
    result: revealMemberPersonalData(input: { id: $id }) {
      __typename
      ... on RevealMemberPersonalDataSuccess { personalData { nationalId mobile monthlyIncome } }
      ... on Error { code message }
    }
  }`;

const caseFileQuery = gql`
  query MemberCaseFile($id: ID!) {
    member(id: $id) {
      id
      requests(first: 50) { totalCount edges { node { ${requestSummaryFields} } } }
      recentTimeline(first: 50) { id kind fromStatus toStatus note actorName at }
      recentDocuments(first: 50) { id kind fileName size verification rejectionReason createdAt: uploadedAt }
    }
  }`;

const dashboardQuery = gql`
  query Dashboard($from: DateTime, $to: DateTime) {
    dashboard(from: $from, to: $to) {
      period { from to }
      openTotal openByStatus { key count } overdue decidedInPeriod decidedWithinDue decidedWithinDueShare
      medianHoursToDecision submittedInPeriod byChannel { key count } byType { key count }
    }
  }`;

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw normaliseError(error);
  }
}

export function createDataProvider(client: WaslApolloClient): WaslDataProvider {
  const base = buildGraphQLProvider({
    client: client as never, // ra-data-graphql types ApolloClient<unknown>; ours is ApolloClient<NormalizedCacheObject>.
    buildQuery,
    introspection: false,
    query: () => ({ fetchPolicy: "no-cache" }),
    mutation: () => ({ fetchPolicy: "no-cache" }),
  });
  const cursors = new CursorCache();

  /** Turns page numbers into cursors, walking ahead in cursor-only steps when needed. */
  async function paged(
    method: "getList" | "getManyReference",
    resource: string,
    params: GetListParams | GetManyReferenceParams,
  ): Promise<GetListResult> {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const size = Math.min(perPage, maxPageSize);
    const key = CursorCache.key(
      resource,
      { ...params.filter, ...("target" in params ? { [params.target]: params.id } : {}) },
      params.sort,
    );
    const offset = (page - 1) * size;
    let after = offset ? cursors.get(key, offset) : undefined;
    if (offset && !after) {
      let { offset: at, cursor } = cursors.nearest(key, offset);
      while (at < offset) {
        const take = Math.min(maxPageSize, offset - at);
        const step = (await base[method](resource, {
          ...params,
          meta: { ...params.meta, after: cursor ?? null, cursorOnly: true, take },
        } as never)) as GetListResult;
        cursor = (step.meta as { endCursor?: string } | undefined)?.endCursor;
        if (!cursor) break;
        at += take;
        cursors.set(key, at, cursor);
      }
      after = cursor;
    }
    const result = (await base[method](resource, {
      ...params,
      meta: { ...params.meta, after: after ?? null, take: size },
    } as never)) as GetListResult;
    cursors.set(
      key,
      offset + result.data.length,
      (result.meta as { endCursor?: string } | undefined)?.endCursor,
    );
    // Past a capped count the total is unknown, until the page that ends the list.
    if (result.total === undefined && result.pageInfo?.hasNextPage === false)
      return { ...result, total: offset + result.data.length };
    return result;
  }

  const guarded = Object.fromEntries(
    Object.entries({
      ...requestCalls(client),
      ...committeeCalls(client),
      ...knowledgeCalls(client),
      ...surveyCalls(client),
      ...outboxCalls(client),
      ...webhookCalls(client),
      ...letterCalls(),
      ...partnerCalls(client),
      ...requestShareCalls(client),
    }).map(([name, call]) => [
      name,
      (...args: unknown[]) => guard(() => (call as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  ) as ModuleCalls;

  return {
    ...base,
    ...guarded,
    getList: (resource, params) =>
      guard(() =>
        pagedByCursor(resource)
          ? paged("getList", resource, params)
          : base.getList(resource, params),
      ),
    getManyReference: (resource, params) =>
      guard(() => paged("getManyReference", resource, params)),
    getOne: (resource, params) => guard(() => base.getOne(resource, params)),
    getMany: (resource, params) => guard(() => base.getMany(resource, params)),
    create: (resource, params) =>
      guard(async () => {
        // A record created with a file (a letter with its scan): one multipart request.
        const request = buildQuery()("CREATE", resource, params);
        const result = carriesFile(request.variables)
          ? // Our parseResponse reads `data` only, not the rest of Apollo's result.
            request.parseResponse({
              data: await postMultipart(print(request.query), request.variables ?? {}),
            } as never)
          : await base.create(resource, params);
        cursors.clear(resource);
        return result;
      }),
    update: (resource, params) => guard(() => base.update(resource, params)),
    forgetCursors: async (resource) => cursors.clear(resource),

    revealPersonalData: (id) =>
      guard(async () => {
        const { data } = await client.mutate({ mutation: revealMutation, variables: { id } });
        const result = data?.result as
          | (TypedErrorResult & { personalData?: PersonalData })
          | undefined;
        if (result?.personalData) return result.personalData;
        throw typedResultError(result ?? { __typename: "Error" });
      }),

    getMemberCaseFile: (id) =>
      guard(async () => {
        const { data } = await client.query({ query: caseFileQuery, variables: { id } });
        const member = data?.member;
        if (!member)
          throw typedResultError({ __typename: "NotFoundError", code: "NOT_FOUND", message: "" });
        return {
          requests: member.requests.edges.map((e: { node: RequestSummary }) => e.node),
          requestsTotal: member.requests.totalCount,
          timeline: member.recentTimeline,
          documents: member.recentDocuments,
        };
      }),

    getDashboard: (period) =>
      guard(async () => {
        const { data } = await client.query({ query: dashboardQuery, variables: period });
        return data.dashboard as DashboardFigures;
      }),

    exportCsv: async (resource, { filter, sort }) => {
      const { filterOf, orderOf } = csvExports[resource];
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(filterOf(filter) ?? {}))
        query.set(name, String(value));
      const order = orderOf(sort);
      if (order) {
        query.set("sort", order.field);
        query.set("order", order.direction);
      }
      query.set("lang", getLocale());
      const response = await fetch(`/export/${resource}.csv?${query}`, {
        credentials: "same-origin",
        headers: { ...csrfHeaders },
      });
      if (!response.ok) throw new Error(`${response.status}`);
      return response.blob();
    },
  };
}
