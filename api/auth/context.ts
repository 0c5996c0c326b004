import type { IncomingMessage } from "node:http";
import type { Config } from "../config.js";
import type { PrismaClient } from "../db/client.js";
import { headersOf, requestIdFrom } from "../http/request.js";
import type { Locale } from "../i18n/messages.js";
import { localeFromAcceptLanguage } from "../i18n/messages.js";
import type { Logger } from "../logger.js";
import type { WaslPubSub } from "../pubsub.js";
import { type Caller, type Credentials, type PartnerKeys, resolveCaller } from "./caller.js";
import { clientAddressOf } from "./client-address.js";
import { readCookie, sessionCookieName } from "./cookies.js";
import type { SessionCache } from "./session-cache.js";

/** What every resolver receives. Built the same way for HTTP requests and WebSockets. */
export type Context = Services & {
  locale: Locale;
  requestId: string;
  clientAddress: string;
  /** Resolved on first use and memoised: `{ __typename }` never touches the database. */
  caller(): Promise<Caller>;
  /**
   * The caller if already resolved. Scope checks answer synchronously with it: Pothos then
   * resolves a list's fields without a promise per field (a page of 50 rows has ~1,000).
   */
  knownCaller(): Caller | undefined;
  /** Whether the caller, once resolved, turned out to be signed in (user or partner). */
  signedIn(): boolean;
  /**
   * A partner call's cost and what is left of its key's hourly budget, once the partner limits
   * have charged it (modules/partners/limits.ts); undefined for other callers.
   */
  partnerCost?: { requested: number; remaining: number; limit: number; resetAt: Date };
  /** Set-Cookie headers to add to the HTTP response (sign-in, sign-out). */
  responseCookies: string[];
  /**
   * A value made once per request, on first use (e.g. the audit module's batching of
   * personal-data reads): modules keep per-request state without core knowing it.
   */
  perRequest<T>(key: symbol, create: () => T): T;
};

/**
 * What the modules provide to every request (e.g. the users module's sign-in limiter). A
 * module declares its own here by declaration merging; the composition root (server.ts)
 * provides them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging).
export interface ModuleServices {}

export type Services = ModuleServices & {
  prisma: PrismaClient;
  config: Config;
  pubsub: WaslPubSub;
  log: Logger;
  /** How a partner's API key becomes its caller, cached (the partners module's). */
  partnerKeys: PartnerKeys;
  /** Signed-in users' rows, kept until their access changes (auth/session-cache.ts). */
  sessions: SessionCache;
};

/** The parts of an HTTP request or a WebSocket connection that say who is calling. */
export type Envelope = {
  headers: Headers;
  /** graphql-ws connection_init payload, e.g. `{ authorization: "Bearer …" }`. */
  connectionParams?: Record<string, unknown> | undefined;
  clientAddress: string;
};

/** What a request or socket presents as its credentials: bearer, API key, session cookie. */
export function credentialsOf(envelope: Envelope): Credentials {
  const params = envelope.connectionParams ?? {};
  const authorization =
    (typeof params.authorization === "string" ? params.authorization : undefined) ??
    envelope.headers.get("authorization") ??
    undefined;
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const apiKey =
    (typeof params.apiKey === "string" ? params.apiKey : undefined) ??
    envelope.headers.get("x-api-key") ??
    undefined;
  return {
    bearer,
    apiKey,
    sessionToken: readCookie(envelope.headers.get("cookie"), sessionCookieName),
    clientAddress: envelope.clientAddress,
  };
}

export function createContext(services: Services, envelope: Envelope): Context {
  const requestId = requestIdFrom(envelope.headers.get("x-request-id"));
  const acceptLanguage =
    (typeof envelope.connectionParams?.language === "string"
      ? envelope.connectionParams.language
      : undefined) ?? envelope.headers.get("accept-language");
  let caller: Promise<Caller> | undefined;
  let resolved: Caller | undefined;
  const memoisedCaller = () => {
    caller ??= resolveCaller(services, credentialsOf(envelope)).then((c) => {
      resolved = c;
      return c;
    });
    return caller;
  };
  const perRequest = new Map<symbol, unknown>();
  const context: Context = {
    ...services,
    locale: localeFromAcceptLanguage(acceptLanguage),
    requestId,
    clientAddress: envelope.clientAddress,
    caller: memoisedCaller,
    knownCaller: () => resolved,
    signedIn: () => !!resolved && resolved.kind !== "anonymous",
    responseCookies: [],
    perRequest: <T>(key: symbol, create: () => T): T => {
      if (!perRequest.has(key)) perRequest.set(key, create());
      return perRequest.get(key) as T;
    },
  };
  defineRequestLog(context, services.log);
  return context;
}

/**
 * `context.log`: the request's child logger, created on first use (it serialises its bindings;
 * most requests never log). Not enumerable: envelop copies a built context onto yoga's with
 * `Object.assign`, which would call the getter; yoga.ts defines it again on that copy.
 */
export function defineRequestLog(context: Pick<Context, "log" | "requestId">, root: Logger): void {
  let log: Logger | undefined;
  Object.defineProperty(context, "log", {
    configurable: true,
    enumerable: false,
    get: () => {
      log ??= root.child({ requestId: context.requestId });
      return log;
    },
  });
}

/**
 * The context of a plain HTTP route (a download, an export), built exactly as GraphQL's:
 * the same credentials, caller resolution, language and request id.
 */
export function requestContext(services: Services, req: IncomingMessage): Context {
  return createContext(services, {
    headers: headersOf(req),
    clientAddress: clientAddressOf(req, services.config.trustProxy),
  });
}
