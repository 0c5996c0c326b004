// Query limits (graphql-armor: depth, aliases, cost, tokens, directives), each refused with its
// own stable code and a message in the caller's language, never the limit itself; and no
// error anywhere suggests names ("Did you mean …?"), which would reveal a hidden schema.

import { handleStreamOrSingleExecutionResult, type Plugin } from "@envelop/core";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import { GraphQLError } from "graphql";
import type { Context } from "../auth/context.js";
import { type Locale, localeFromAcceptLanguage, translate } from "../i18n/messages.js";

/** `extensions.code` of each refusal; stable, for programs. */
export const queryLimitCodes = {
  maxDepth: "QUERY_TOO_DEEP",
  maxAliases: "TOO_MANY_ALIASES",
  costLimit: "QUERY_TOO_COSTLY",
  maxTokens: "TOO_MANY_TOKENS",
  maxDirectives: "TOO_MANY_DIRECTIVES",
} as const;
export type QueryLimitCode = (typeof queryLimitCodes)[keyof typeof queryLimitCodes];

export const queryLimitMessageKeys = {
  QUERY_TOO_DEEP: "errors.queryTooDeep",
  TOO_MANY_ALIASES: "errors.tooManyAliases",
  QUERY_TOO_COSTLY: "errors.queryTooCostly",
  TOO_MANY_TOKENS: "errors.tooManyTokens",
  TOO_MANY_DIRECTIVES: "errors.tooManyDirectives",
} as const satisfies Record<QueryLimitCode, string>;

const isLimitCode = (code: unknown): code is QueryLimitCode =>
  typeof code === "string" && code in queryLimitMessageKeys;

/** The part of yoga's server context that says the caller's language (HTTP or graphql-ws). */
type LanguageSource = {
  request?: { headers: Headers } | undefined;
  socketHeaders?: Headers | undefined;
  connectionParams?: Record<string, unknown> | undefined;
};

function localeOf(context: LanguageSource): Locale {
  const fromSocket = context.connectionParams?.language;
  return localeFromAcceptLanguage(
    typeof fromSocket === "string"
      ? fromSocket
      : (context.socketHeaders ?? context.request?.headers)?.get("accept-language"),
  );
}

/** `Did you mean "x"?`, `Did you mean the enum value "X"?`, `… "a", "b", or "c"?` */
const suggestion = /\s*Did you mean [^?]*\?/g;

/** The error in the caller's language if it is a limit's refusal, without suggestions always. */
function rewrite(error: GraphQLError, locale: Locale): GraphQLError {
  const code = error.extensions?.code;
  const limited = isLimitCode(code);
  const message = limited
    ? translate(locale, queryLimitMessageKeys[code])
    : error.message.replace(suggestion, "");
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: limited ? { ...error.extensions, code } : error.extensions,
  });
}

/**
 * The armor rules report (not throw) their refusal with its code: a thrown validation error
 * would skip every onValidate hook after it, and graphql-ws's onSubscribe would fail with it.
 */
const report =
  (code: QueryLimitCode): GraphQLArmorRejectCallback =>
  (context) =>
    context?.reportError(new GraphQLError(code, { extensions: { code } }));

/**
 * The token limit acts while parsing (no validation context): it throws, tagged here. yoga's
 * cache of parse errors is off (yoga.ts), so every refusal passes the parse hook.
 */
const tokenRefusals = new WeakSet<Error>();

/** Armor's rules and the plugin that gives their refusals codes and messages, in this order. */
export function useQueryLimits(): Plugin<LanguageSource>[] {
  const rule = (code: QueryLimitCode) => ({
    exposeLimits: false,
    onReject: [report(code)],
    propagateOnRejection: false,
  });
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: 12, ...rule(queryLimitCodes.maxDepth) },
    maxAliases: { n: 20, ...rule(queryLimitCodes.maxAliases) },
    maxDirectives: { n: 25, ...rule(queryLimitCodes.maxDirectives) },
    maxTokens: {
      n: 3000,
      exposeLimits: false,
      onReject: [(_context, error) => tokenRefusals.add(error)],
    },
    // Relay's edges/node nesting is deep by design: a members page with each member's
    // requests costs ~31,000 under armor's default depth factor; depth 12 bounds the rest.
    costLimit: { maxCost: 150_000, ...rule(queryLimitCodes.costLimit) },
    // Replaced by `rewrite`, which also removes enum value and variable suggestions.
    blockFieldSuggestion: { enabled: false },
  });
  const rewriteResult =
    (locale: Locale) =>
    ({
      result,
      setResult,
    }: Parameters<Parameters<typeof handleStreamOrSingleExecutionResult>[1]>[0]) => {
      if (result.errors?.length)
        setResult({ ...result, errors: result.errors.map((e) => rewrite(e, locale)) });
    };
  const codesAndMessages: Plugin<LanguageSource> = {
    onParse:
      ({ context }) =>
      ({ result, replaceParseResult }) => {
        if (!(result instanceof Error) || !tokenRefusals.has(result)) return;
        const code = queryLimitCodes.maxTokens;
        replaceParseResult(
          rewrite(new GraphQLError(code, { extensions: { code } }), localeOf(context)),
        );
      },
    onValidate:
      ({ context }) =>
      ({ result, setResult }) => {
        if (result.length) setResult(result.map((e) => rewrite(e, localeOf(context))));
      },
    // Variable values are checked when the operation runs: their suggestions appear here.
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          rewriteResult((args.contextValue as Context).locale),
        ),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(
          payload,
          rewriteResult((args.contextValue as Context).locale),
        ),
    }),
  };
  return [armor as Plugin<LanguageSource>, codesAndMessages];
}
