// The knowledge base's calls beside the articles resource: publishing and unpublishing, the
// revision history, and linking an article to a communication (from the case file).
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { unwrap } from "./errors.js";
import { articleFields } from "./fragments.js";

export type ArticleStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

export type ArticleRevision = {
  id: string;
  version: number;
  titleAr: string;
  titleEn: string | null;
  bodyAr: string;
  bodyEn: string | null;
  category: string;
  audience: string;
  status: ArticleStatus;
  editor: { fullName: string } | null;
  createdAt: string;
};

export type KnowledgeCalls = {
  changeArticleStatus(
    article: { id: string; version: number },
    status: ArticleStatus,
  ): Promise<Record<string, unknown> & { id: string }>;
  getArticleRevisions(id: string): Promise<ArticleRevision[]>;
  linkArticleToCommunication(communicationId: string, articleId: string): Promise<void>;
};

const errors = `... on Error { __typename code message } ... on ValidationError { fieldErrors { path message } }`;

const changeStatusMutation = gql`
  mutation ChangeArticleStatus($input: ChangeArticleStatusInput!) {
    result: changeArticleStatus(input: $input) {
      __typename
      ... on ChangeArticleStatusSuccess { article { ${articleFields} } }
      ${errors}
    }
  }`;

const revisionsQuery = gql`
  query ArticleRevisions($id: ID!) {
    node(id: $id) {
      ... on Article {
        revisions(first: 100) {
          edges { node { id version titleAr titleEn bodyAr bodyEn category audience status createdAt editor { fullName } } }
        }
      }
    }
  }`;

const linkMutation = gql`
  mutation LinkArticle($input: LinkArticleToCommunicationInput!) {
    result: linkArticleToCommunication(input: $input) {
      __typename
      ... on LinkArticleToCommunicationSuccess { communication { id } }
      ${errors}
    }
  }`;

export function knowledgeCalls(client: WaslApolloClient): KnowledgeCalls {
  return {
    async changeArticleStatus(article, status) {
      const { data } = await client.mutate({
        mutation: changeStatusMutation,
        variables: { input: { id: article.id, version: article.version, status } },
      });
      return unwrap(data?.result, "ChangeArticleStatusSuccess", "article");
    },
    async getArticleRevisions(id) {
      const { data } = await client.query({ query: revisionsQuery, variables: { id } });
      return (data?.node?.revisions?.edges ?? []).map((e: { node: ArticleRevision }) => e.node);
    },
    async linkArticleToCommunication(communicationId, articleId) {
      const { data } = await client.mutate({
        mutation: linkMutation,
        variables: { input: { communication: communicationId, article: articleId } },
      });
      unwrap(data?.result, "LinkArticleToCommunicationSuccess", "communication");
    },
  };
}
