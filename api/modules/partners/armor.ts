// graphql-armor's limits for partners, stricter than the ones every caller gets
// (graphql/query-limits.ts): the same rules with partner settings (WASL_PARTNER_MAX_*), run
// once the caller is known to be a partner. yoga's parser cache hands the same document for
// the same text, so a document is judged once.
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { type DocumentNode, type GraphQLSchema, validate } from "graphql";
import type { PartnerLimitsConfig } from "../../config.js";
import { type QueryLimitCode, queryLimitCodes } from "../../graphql/query-limits.js";

export class PartnerArmor {
  private readonly verdicts = new WeakMap<DocumentNode, QueryLimitCode | null>();

  constructor(private readonly limits: PartnerLimitsConfig) {}

  /** The first limit the document breaks for a partner, if any. */
  refusal(schema: GraphQLSchema, document: DocumentNode): QueryLimitCode | undefined {
    let verdict = this.verdicts.get(document);
    if (verdict === undefined) {
      verdict = this.judge(schema, document) ?? null;
      this.verdicts.set(document, verdict);
    }
    return verdict ?? undefined;
  }

  private judge(schema: GraphQLSchema, document: DocumentNode): QueryLimitCode | undefined {
    const text = document.loc?.source.body;
    if (text !== undefined) {
      try {
        new MaxTokensParserWLexer(text, {
          n: this.limits.maxTokens,
          exposeLimits: false,
        }).parseDocument();
      } catch {
        return queryLimitCodes.maxTokens;
      }
    }
    const refused: QueryLimitCode[] = [];
    const rule = (code: QueryLimitCode) => ({
      exposeLimits: false,
      propagateOnRejection: false,
      onReject: [() => void refused.push(code)],
    });
    validate(schema, document, [
      maxDepthRule({ n: this.limits.maxDepth, ...rule(queryLimitCodes.maxDepth) }),
      maxAliasesRule({ n: this.limits.maxAliases, ...rule(queryLimitCodes.maxAliases) }),
      maxDirectivesRule({ n: this.limits.maxDirectives, ...rule(queryLimitCodes.maxDirectives) }),
    ]);
    return refused[0];
  }
}
