// The limits that protect the service from partner callers, as one yoga plugin: registered
// operations by hash, then, once the caller is known to be a partner and before anything
// runs, in this order: "persisted only" keys, graphql-armor's stricter partner limits, the
// static cost analysis (page sizes 1–100 and the node limit), and the key's hourly budget.
// The cost is put on the context (`partnerCost`) and reported in `extensions.cost`; every
// partner call ends in the call log. Staff, members and anonymous callers pass untouched:
// they are bounded by the armor every caller gets (graphql/query-limits.ts), not budgeted.
import { handleStreamOrSingleExecutionResult } from "@envelop/core";
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type OperationTypeNode,
  parse,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { type Credentials, type PartnerCaller, resolveCaller } from "../../auth/caller.js";
import { type Context, credentialsOf, type Services } from "../../auth/context.js";
import type { Config, PartnerLimitsConfig } from "../../config.js";
import type { PrismaClient } from "../../db/client.js";
import type { PartnerCallTransport, PartnerOperationType } from "../../db/generated/enums.js";
import { maxPageSize } from "../../graphql/pagination.js";
import { queryLimitMessageKeys } from "../../graphql/query-limits.js";
import {
  type Locale,
  localeFromAcceptLanguage,
  type MessageKey,
  type MessageParams,
  translate,
} from "../../i18n/messages.js";
import type { Logger } from "../../logger.js";
import { PartnerArmor } from "./armor.js";
import { type BudgetReport, type BudgetStore, PartnerBudgets, RedisBudgets } from "./budget.js";
import { PartnerCallLog } from "./calls.js";
import { analyseCost } from "./cost.js";
import { PartnerKeyLimits } from "./key-limits.js";
import { PersistedOperations, sha256Hex } from "./persisted.js";

/** What the partner limits keep across requests, one per server (server.ts makes it). */
export type PartnerLimits = {
  config: PartnerLimitsConfig;
  budgets: BudgetStore;
  keyLimits: PartnerKeyLimits;
  calls: PartnerCallLog;
  persisted: PersistedOperations;
  armor: PartnerArmor;
  /** At shutdown: the buffered calls written, the budgets' connection closed. */
  stop(): Promise<void>;
};

declare module "../../auth/context.js" {
  interface ModuleServices {
    /** Budgets, per-key limits, registered operations and the call log (partners module). */
    partnerLimits: PartnerLimits;
  }
}

/** The budgets are shared through Redis when REDIS_URL is set, in memory otherwise. */
export async function createPartnerLimits(
  config: Config,
  prisma: PrismaClient,
  log: Logger,
): Promise<PartnerLimits> {
  const limits = config.partnerLimits;
  const budgets = config.redisUrl
    ? new RedisBudgets(new (await import("ioredis")).Redis(config.redisUrl))
    : new PartnerBudgets();
  const calls = new PartnerCallLog(prisma, log, { retentionDays: limits.callRetentionDays });
  return {
    config: limits,
    budgets,
    keyLimits: new PartnerKeyLimits(prisma),
    calls,
    persisted: PersistedOperations.fromFile(limits.persistedOperationsFile),
    armor: new PartnerArmor(limits),
    async stop() {
      await calls.stop();
      await budgets.close();
    },
  };
}

/** `extensions.cost` as it travels. */
function costExtension(report: BudgetReport) {
  return {
    requested: report.requested,
    remaining: report.remaining,
    limit: report.limit,
    resetAt: report.resetAt.toISOString(),
  };
}

/**
 * A refusal before execution, in the caller's language. With the GraphQL-over-HTTP media
 * type it is a 400 like a validation error (`spec`); THROTTLED is a 429 for every client.
 */
function refusal(
  locale: Locale,
  code: string,
  key: MessageKey,
  params: MessageParams = {},
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(translate(locale, key, params), {
    extensions: { code, ...extensions, http: { status: 400, spec: true } },
  });
}

function persistedHash(extensions: Record<string, unknown> | undefined): string | undefined {
  const persisted = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : undefined;
}

type Admission =
  | { refused: GraphQLError; report?: BudgetReport }
  | { report: BudgetReport; refused?: undefined };

/** Whether the partner's operation may run, and what it costs. */
async function admit(
  limits: PartnerLimits,
  context: Context,
  caller: PartnerCaller,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): Promise<Admission> {
  const { locale } = context;
  const keyLimit = await limits.keyLimits.get(caller.apiKeyId);
  if (keyLimit.persistedOnly && !limits.persisted.isRegistered(document))
    return {
      refused: refusal(locale, "PERSISTED_QUERY_REQUIRED", "errors.persistedQueryRequired"),
    };
  const armored = limits.armor.refusal(schema, document);
  if (armored) return { refused: refusal(locale, armored, queryLimitMessageKeys[armored]) };
  // Without the named operation, execution itself refuses it: it costs the minimum.
  const operation = getOperationAST(document, operationName);
  const analysis = operation
    ? analyseCost(schema, document, operation, variables, limits.config.maxNodes)
    : { cost: 1, nodes: 0 };
  if ("refusal" in analysis) {
    const { refusal: why } = analysis;
    return why.code === "PAGE_SIZE_REQUIRED"
      ? {
          refused: refusal(locale, why.code, "errors.partnerPageSizeRequired", {
            connection: why.field,
            max: maxPageSize,
          }),
        }
      : {
          refused: refusal(locale, why.code, "errors.partnerTooManyNodes", {
            nodes: why.nodes,
            max: limits.config.maxNodes,
          }),
        };
  }
  const charge = await limits.budgets.charge(
    caller.apiKeyId,
    analysis.cost,
    keyLimit.pointsPerHour ?? limits.config.pointsPerHour,
  );
  if (charge.allowed) return { report: charge };
  const seconds = Math.max(1, Math.ceil((charge.resetAt.getTime() - limits.budgets.now()) / 1000));
  return {
    report: charge,
    refused: new GraphQLError(
      translate(locale, "errors.partnerThrottled", {
        limit: charge.limit,
        resetAt: { time: charge.resetAt },
        seconds,
      }),
      {
        extensions: {
          code: "THROTTLED",
          resetAt: charge.resetAt.toISOString(),
          http: { status: 429, headers: { "retry-after": String(seconds) } },
        },
      },
    ),
  };
}

/** The first error's code, for the call log. */
function errorCodeOf(result: ExecutionResult): string | null {
  const first = result.errors?.[0];
  if (!first) return null;
  const code = first.extensions?.code;
  return typeof code === "string" ? code : "ERROR";
}

const operationTypes = {
  query: "QUERY",
  mutation: "MUTATION",
  subscription: "SUBSCRIPTION",
} as const satisfies Record<OperationTypeNode, PartnerOperationType>;

/** The request's GraphQL parameters, as yoga read them. */
type Params = { query?: string | undefined; operationName?: string | undefined };

/** A graphql-ws operation's first context, before its context is built (server.ts). */
type SocketEnvelope = {
  socketHeaders?: Headers;
  connectionParams?: Record<string, unknown>;
  clientAddress?: string;
  params?: Params;
};

type CallStart = {
  caller: PartnerCaller;
  operationName: string | null;
  operationType: PartnerOperationType;
  transport: PartnerCallTransport;
  started: number;
  at: Date;
};

/** Whether a request presents a partner's API key (as caller resolution reads it). */
function presentsApiKey(credentials: Credentials): boolean {
  return !!(credentials.apiKey ?? credentials.bearer?.startsWith("wasl_"));
}

/** The operation's type and name from its text, for a call refused before it was parsed. */
function operationOf(query: string | undefined, operationName: string | undefined) {
  try {
    const operation = query ? getOperationAST(parse(query), operationName) : null;
    return { type: operation?.operation, name: operation?.name?.value };
  } catch {
    return { type: undefined, name: undefined };
  }
}

export function usePartnerLimits(services: Services): Plugin<Context> {
  const limits = services.partnerLimits;
  /** When each HTTP request's parameters were read: a call's duration starts there. */
  const arrivals = new WeakMap<Request, number>();
  /** HTTP requests whose partner call reached admission (and is logged there). */
  const admitted = new WeakSet<Request>();
  const logCall = (call: CallStart, result: ExecutionResult, cost: number | null) => {
    const code = errorCodeOf(result);
    limits.calls.record({
      apiKeyId: call.caller.apiKeyId,
      partnerId: call.caller.partnerId,
      operationName: call.operationName,
      operationType: call.operationType,
      transport: call.transport,
      cost,
      result: code === null ? "OK" : code === "THROTTLED" ? "THROTTLED" : "ERROR",
      errorCode: code,
      durationMs: Math.round(performance.now() - call.started),
      at: call.at,
    });
  };

  /**
   * Logs an HTTP call refused before admission, its key resolved from the request: only for
   * requests that present a key, and only on this path (admitted calls are logged there).
   */
  const logUnadmitted = async (
    request: Request,
    params: Params | undefined,
    result: ExecutionResult,
  ): Promise<void> => {
    const credentials = credentialsOf({ headers: request.headers, clientAddress: "" });
    if (!presentsApiKey(credentials)) return;
    const caller = await resolveCaller(services, credentials);
    if (caller.kind !== "partner") return;
    const operation = operationOf(params?.query, params?.operationName);
    logCall(
      {
        caller,
        operationName: operation.name ?? params?.operationName ?? null,
        operationType: operationTypes[operation.type ?? "query"],
        transport: "HTTP",
        started: arrivals.get(request) ?? performance.now(),
        at: new Date(),
      },
      result,
      null,
    );
  };

  /**
   * Logs a partner's socket operation that does not parse or validate: it never reaches
   * admission, and a socket has no HTTP result for onExecutionResult to log. Its errors carry
   * no code yet (yoga adds it over HTTP): the step that refused names it.
   */
  const logRefusedOnSocket = async (
    envelope: SocketEnvelope,
    errors: readonly Error[],
    code: "GRAPHQL_PARSE_FAILED" | "GRAPHQL_VALIDATION_FAILED",
  ): Promise<void> => {
    const headers = envelope.socketHeaders ?? new Headers();
    const credentials = credentialsOf({
      headers,
      connectionParams: envelope.connectionParams,
      clientAddress: envelope.clientAddress ?? "",
    });
    if (!presentsApiKey(credentials)) return;
    const caller = await resolveCaller(services, credentials);
    if (caller.kind !== "partner") return;
    const params = envelope.params;
    const operation = operationOf(params?.query, params?.operationName);
    const coded = errors.map((error) =>
      error instanceof GraphQLError && error.extensions?.code
        ? error
        : new GraphQLError(error.message, { extensions: { code } }),
    );
    logCall(
      {
        caller,
        operationName: operation.name ?? params?.operationName ?? null,
        operationType: operationTypes[operation.type ?? "subscription"],
        transport: "WEBSOCKET",
        started: performance.now(),
        at: new Date(),
      },
      { errors: coded },
      null,
    );
  };
  /** Only a socket operation's first context has its headers there (HTTP has a request). */
  const onSocket = (context: unknown): SocketEnvelope | undefined => {
    const envelope = context as SocketEnvelope;
    return envelope.socketHeaders ? envelope : undefined;
  };
  const ignoreFailure = (logging: Promise<void>) => void logging.catch(() => undefined);

  /** The shared part of execute and subscribe: admission, then what to do with the result. */
  const onOperation = async (
    args: {
      contextValue: unknown;
      schema: GraphQLSchema;
      document: DocumentNode;
      operationName?: string | null | undefined;
      variableValues?: Record<string, unknown> | null | undefined;
    },
    stop: (result: ExecutionResult) => void,
  ) => {
    const context = args.contextValue as Context & {
      socketHeaders?: Headers;
      request?: Request;
      connectionParams?: Record<string, unknown>;
    };
    // Only a call that presents a key can be a partner's: staff, members and anonymous calls
    // pass without their caller being resolved here (they resolve it, if at all, when a field
    // asks).
    const presented = credentialsOf({
      headers: context.socketHeaders ?? context.request?.headers ?? new Headers(),
      connectionParams: context.connectionParams,
      clientAddress: "",
    });
    if (!presentsApiKey(presented)) return undefined;
    // A caller that cannot be resolved now (the database is busy) is left to execution: its
    // fields meet the same failure there, and answer it as BUSY rather than as a crash.
    const caller = await context.caller().catch(() => undefined);
    if (caller?.kind !== "partner") return undefined;
    if (context.request) admitted.add(context.request);
    const operation = getOperationAST(args.document, args.operationName);
    const call: CallStart = {
      caller,
      operationName: operation?.name?.value ?? args.operationName ?? null,
      operationType: operationTypes[operation?.operation ?? "query"],
      transport: context.socketHeaders ? "WEBSOCKET" : "HTTP",
      started: (context.request && arrivals.get(context.request)) ?? performance.now(),
      at: new Date(),
    };
    const admission = await admit(
      limits,
      context,
      caller,
      args.schema,
      args.document,
      args.operationName,
      args.variableValues ?? undefined,
    );
    if (admission.refused) {
      const result: ExecutionResult = {
        errors: [admission.refused],
        ...(admission.report ? { extensions: { cost: costExtension(admission.report) } } : {}),
      };
      logCall(call, result, admission.report?.requested ?? null);
      stop(result);
      return undefined;
    }
    const { report } = admission;
    context.partnerCost = report;
    return { call, report };
  };

  return {
    // Apollo's persisted-query shape over HTTP: a registered hash stands for its text. A
    // refusal is thrown: yoga answers it as it answers a request it cannot read.
    onParams: async ({ params, setParams, request }) => {
      arrivals.set(request, performance.now());
      const hash = persistedHash(params.extensions);
      if (!hash) return;
      const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
      const refuse = async (error: GraphQLError): Promise<never> => {
        await logUnadmitted(request, params, { errors: [error] });
        throw error;
      };
      if (params.query) {
        if (sha256Hex(params.query) !== hash.toLowerCase())
          await refuse(
            refusal(locale, "PERSISTED_QUERY_HASH_MISMATCH", "errors.persistedQueryHashMismatch"),
          );
        return;
      }
      const text = limits.persisted.text(hash);
      if (!text)
        return refuse(
          refusal(locale, "PERSISTED_QUERY_NOT_FOUND", "errors.persistedQueryNotFound"),
        );
      setParams({ ...params, query: text });
    },
    onExecute: async ({ args, setResultAndStopExecution }) => {
      const operation = await onOperation(args, setResultAndStopExecution);
      if (!operation) return;
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            logCall(operation.call, result, operation.report.requested);
            setResult({
              ...result,
              extensions: { ...result.extensions, cost: costExtension(operation.report) },
            });
          }),
      };
    },
    // A partner's HTTP call refused before it ran (a syntax error, a schema validation error,
    // the general armor) never reached admission: it is logged here.
    onExecutionResult: async ({ request, result, context }) => {
      if (admitted.has(request) || !result || Symbol.asyncIterator in result) return;
      await logUnadmitted(request, (context as { params?: Params }).params, result);
    },
    // A partner's socket operation refused before it ran: logged here (see logRefusedOnSocket).
    onParse: ({ context }) => {
      const envelope = onSocket(context);
      if (!envelope) return;
      return ({ result }) => {
        if (result instanceof GraphQLError)
          ignoreFailure(logRefusedOnSocket(envelope, [result], "GRAPHQL_PARSE_FAILED"));
      };
    },
    onValidate: ({ context }) => {
      const envelope = onSocket(context);
      if (!envelope) return;
      return ({ valid, result }) => {
        if (!valid)
          ignoreFailure(logRefusedOnSocket(envelope, result, "GRAPHQL_VALIDATION_FAILED"));
      };
    },
    // A subscription is charged and logged once, when it starts; each of its events carries
    // that charge in `extensions.cost` (what it cost, and the budget left as it started).
    onSubscribe: async ({ args, setResultAndStopExecution }) => {
      const operation = await onOperation(args, setResultAndStopExecution);
      if (!operation) return;
      const cost = costExtension(operation.report);
      return {
        onSubscribeResult: (payload) => {
          const { result } = payload;
          const started = Symbol.asyncIterator in result ? {} : (result as ExecutionResult);
          logCall(operation.call, started, operation.report.requested);
          return handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) =>
            setResult({ ...result, extensions: { ...result.extensions, cost } }),
          );
        },
      };
    },
  };
}
