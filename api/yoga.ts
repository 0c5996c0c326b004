// The GraphQL server as a fetch handler: exported, never listening (server.ts listens).
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { NoSchemaIntrospectionCustomRule } from "graphql";
import {
  createYoga,
  type GraphiQLOptions,
  type Plugin,
  type YogaLogger,
  type YogaServerOptions,
} from "graphql-yoga";
import { type Context, createContext, defineRequestLog, type Services } from "./auth/context.js";
import { useDomainErrors, useUnexpectedErrors } from "./graphql/errors.js";
import { useQueryLimits } from "./graphql/query-limits.js";
import { schema } from "./graphql/schema.js";
import { useSharedExecution } from "./live/shared-execution.js";
import type { Logger } from "./logger.js";
import { usePartnerLimits } from "./modules/partners/limits.js";

/** What the node:http adapter and graphql-ws pass into yoga's context. */
export type ServerContext = {
  /** Set by graphql-ws for socket operations. */
  connectionParams?: Record<string, unknown>;
  socketHeaders?: Headers;
  clientAddress?: string;
};

export const csrfHeader = "x-wasl-csrf";

/** The built context's request logger, created on first use (auth/context.ts). */
function useRequestLog(services: Services): Plugin<Context> {
  return {
    onContextBuilding:
      () =>
      ({ context }) =>
        defineRequestLog(context, services.log),
  };
}

/** Sign-in and sign-out set cookies from resolvers; they are added to the response here. */
function useResponseCookies(): Plugin<Context> {
  const cookies = new WeakMap<Request, string[]>();
  return {
    onContextBuilding:
      ({ context }) =>
      ({ context: built }) => {
        if (context.request) cookies.set(context.request, built.responseCookies);
      },
    onResponse: ({ request, response }) => {
      for (const cookie of cookies.get(request) ?? [])
        response.headers.append("set-cookie", cookie);
    },
  };
}

/**
 * Introspection off refuses `__schema`/`__type` at validation, for HTTP and WebSocket alike
 * (yoga's plugin decides while parsing an HTTP request, so sockets escaped it).
 */
function useIntrospectionSwitch(enabled: boolean): Plugin<Context> {
  return {
    onValidate: ({ addValidationRule }) => {
      if (!enabled) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * With origins listed, an answer depends on the request's Origin (CORS headers or none): a
 * shared cache must not hand one origin's answer to another.
 */
function useVaryByOrigin(origins: readonly string[]): Plugin<Context> {
  return {
    onResponse: ({ response }) => {
      if (origins.length) response.headers.append("vary", "Origin");
    },
  };
}

/**
 * CORS headers only for an Origin listed exactly in CORS_ORIGINS; for any other, none at all
 * (yoga's own list handling would still name the single listed origin to everyone).
 */
function corsFor(origins: readonly string[]): YogaServerOptions<ServerContext, Context>["cors"] {
  if (!origins.length) return false;
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get("origin");
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin,
      credentials: true,
      methods: ["GET", "POST"],
      allowedHeaders: [
        "content-type",
        "authorization",
        csrfHeader,
        "accept-language",
        "x-request-id",
      ],
      exposedHeaders: ["x-request-id"],
      maxAge: 600,
    };
  };
}

/** Yoga's own errors through pino, each error object once (yoga may report one twice). */
function yogaLogger(log: Logger): YogaLogger {
  const seen = new WeakSet<object>();
  const ignore = () => {};
  return {
    debug: ignore,
    info: ignore,
    warn: (...args: unknown[]) => log.warn({ details: args }, "graphql-yoga warning"),
    error: (error: unknown) => {
      if (typeof error === "object" && error !== null) {
        if (seen.has(error)) return;
        seen.add(error);
      }
      log.error({ err: error }, "unexpected error outside an operation");
    },
  };
}

export function createWaslYoga(
  services: Services,
  options: { renderGraphiQL?: (options: GraphiQLOptions) => Promise<string> } = {},
) {
  const { config } = services;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    // Never expose internals: unexpected errors become "Unexpected error." in every mode.
    maskedErrors: { isDev: false },
    // Operations' unexpected errors are logged by useUnexpectedErrors; yoga reports here only
    // what fails outside an operation (e.g. building the context).
    logging: yogaLogger(services.log),
    // The HTTP server (server.ts) refuses a body without Content-Length or over the configured
    // limit before yoga sees it; yoga's own 25 MB check would pipe every body through a
    // TransformStream again (a stream pipeline and an AbortSignal per request).
    maxRequestBodySize: false,
    landingPage: false,
    // Parse errors are not cached: a cached one is thrown before the parse hooks run, so the
    // token limit's refusal could not be answered in each caller's language. A failing parse
    // stops at the token limit, so parsing it again stays cheap.
    parserAndValidationCache: { errorCache: { get: () => undefined, set: () => {} } },
    graphiql: config.introspection
      ? { title: "وصل Wasl — GraphQL", headers: JSON.stringify({ [csrfHeader]: "1" }) }
      : false,
    // Yoga's default page loads its assets from public CDNs (server.ts serves ours).
    renderGraphiQL: options.renderGraphiQL,
    context: ({ request, connectionParams, socketHeaders, clientAddress }) =>
      createContext(services, {
        headers: socketHeaders ?? request.headers,
        connectionParams,
        clientAddress: clientAddress ?? "unknown",
      }),
    // The panel is served from this origin and needs no CORS. Yoga's default would reflect any
    // Origin with credentials, letting any page read answers sent with the user's cookie.
    cors: corsFor(config.corsOrigins),
    plugins: [
      useDomainErrors(),
      // After the domain errors are translated, before yoga masks what remains.
      useUnexpectedErrors(),
      useRequestLog(services),
      useResponseCookies(),
      useVaryByOrigin(config.corsOrigins),
      // Cookies travel with cross-site requests; a custom header cannot without a CORS
      // preflight, which is granted only to the origins listed in CORS_ORIGINS (none by
      // default). Required on every non-preflighted request.
      useCSRFPrevention({ requestHeaders: [csrfHeader] }),
      useIntrospectionSwitch(config.introspection),
      ...useQueryLimits(),
      // Partners' own limits, budget and call log, once the caller is known.
      usePartnerLimits(services),
      useSharedExecution(),
    ],
  });
}

export type WaslYoga = ReturnType<typeof createWaslYoga>;
