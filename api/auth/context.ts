import type { Config } from "../config.js";
import type { PrismaClient } from "../db/client.js";
import { requestIdFrom } from "../http/request.js";
import type { Locale } from "../i18n/messages.js";
import { localeFromAcceptLanguage } from "../i18n/messages.js";
import type { Logger } from "../logger.js";
import {
  createPersonalDataAuditor,
  type PersonalDataRead,
} from "../modules/audit/personal-data.js";
import type { SignInLimiter } from "../modules/users/sign-in-limiter.js";
import type { WaslPubSub } from "../pubsub.js";
import { type Caller, type Credentials, resolveCaller } from "./caller.js";
import { readCookie, sessionCookieName } from "./cookies.js";

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
  /** Set-Cookie headers to add to the HTTP response (sign-in, sign-out). */
  responseCookies: string[];
  /** Resolves once the audit entry for reading a member's personal field is written. */
  auditPersonalDataRead(read: PersonalDataRead): Promise<void>;
};

export type Services = {
  prisma: PrismaClient;
  config: Config;
  pubsub: WaslPubSub;
  log: Logger;
  signInLimiter: SignInLimiter;
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
    caller ??= resolveCaller(services.prisma, services.config, credentialsOf(envelope)).then(
      (c) => {
        resolved = c;
        return c;
      },
    );
    return caller;
  };
  // Most requests never log nor read personal data: the child logger (which serialises its
  // bindings) and the auditor are created on first use.
  let log: Logger | undefined;
  let audit: Context["auditPersonalDataRead"] | undefined;
  return {
    prisma: services.prisma,
    config: services.config,
    pubsub: services.pubsub,
    signInLimiter: services.signInLimiter,
    get log() {
      log ??= services.log.child({ requestId });
      return log;
    },
    locale: localeFromAcceptLanguage(acceptLanguage),
    requestId,
    clientAddress: envelope.clientAddress,
    caller: memoisedCaller,
    knownCaller: () => resolved,
    signedIn: () => !!resolved && resolved.kind !== "anonymous",
    responseCookies: [],
    auditPersonalDataRead: (read) => {
      audit ??= createPersonalDataAuditor(services.prisma, memoisedCaller, requestId);
      return audit(read);
    },
  };
}
