// A partner's API keys, beside the partners resource: issuing one (the answer is the only time
// the key is shown), rotating it with an overlap, and revoking it.
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { unwrap } from "./errors.js";
import { apiKeyFields } from "./resources/partners.js";

export type ApiKeyRecord = {
  id: string;
  label: string;
  prefix: string;
  scopes: string[];
  allowedIps: string[];
  status: "ACTIVE" | "ROTATED" | "EXPIRED" | "REVOKED";
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  /** Its own limits; null: the server's defaults. */
  limit: KeyLimit | null;
};

export type KeyLimit = { pointsPerHour: number | null; persistedOnly: boolean };

/** A key as issued: `key` is shown once and never again. */
export type IssuedApiKey = { key: string; apiKey: ApiKeyRecord };

export type IssueApiKeyValues = {
  label: string;
  scopes: string[];
  expiresAt: string | null;
  allowedIps: string[];
};

export type PartnerCalls = {
  issueApiKey(partnerId: string, values: IssueApiKeyValues): Promise<IssuedApiKey>;
  rotateApiKey(apiKeyId: string, overlapMinutes: number): Promise<IssuedApiKey>;
  revokeApiKey(apiKeyId: string): Promise<ApiKeyRecord>;
  setPartnerKeyLimit(apiKeyId: string, limit: KeyLimit): Promise<KeyLimit>;
};

const errors = `... on Error { __typename code message } ... on ValidationError { fieldErrors { path message } }`;

const issueMutation = gql`
  mutation IssueApiKey($input: IssueApiKeyInput!) {
    result: issueApiKey(input: $input) {
      __typename
      ... on IssueApiKeySuccess { issued { key apiKey { ${apiKeyFields} } } }
      ${errors}
    }
  }`;

const rotateMutation = gql`
  mutation RotateApiKey($input: RotateApiKeyInput!) {
    result: rotateApiKey(input: $input) {
      __typename
      ... on RotateApiKeySuccess { issued { key apiKey { ${apiKeyFields} } } }
      ${errors}
    }
  }`;

const revokeMutation = gql`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    result: revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeySuccess { apiKey { ${apiKeyFields} } }
      ${errors}
    }
  }`;

const limitMutation = gql`
  mutation SetPartnerKeyLimit($input: SetPartnerKeyLimitInput!) {
    result: setPartnerKeyLimit(input: $input) {
      __typename
      ... on SetPartnerKeyLimitSuccess { limit { pointsPerHour persistedOnly } }
      ${errors}
    }
  }`;

export function partnerCalls(client: WaslApolloClient): PartnerCalls {
  return {
    async issueApiKey(partnerId, values) {
      const { data } = await client.mutate({
        mutation: issueMutation,
        variables: { input: { partner: partnerId, ...values } },
      });
      return unwrap(data?.result, "IssueApiKeySuccess", "issued");
    },
    async rotateApiKey(apiKeyId, overlapMinutes) {
      const { data } = await client.mutate({
        mutation: rotateMutation,
        variables: { input: { apiKey: apiKeyId, overlapMinutes } },
      });
      return unwrap(data?.result, "RotateApiKeySuccess", "issued");
    },
    async revokeApiKey(apiKeyId) {
      const { data } = await client.mutate({
        mutation: revokeMutation,
        variables: { input: { apiKey: apiKeyId } },
      });
      return unwrap(data?.result, "RevokeApiKeySuccess", "apiKey");
    },
    async setPartnerKeyLimit(apiKeyId, limit) {
      const { data } = await client.mutate({
        mutation: limitMutation,
        variables: { input: { apiKey: apiKeyId, ...limit } },
      });
      return unwrap(data?.result, "SetPartnerKeyLimitSuccess", "limit");
    },
  };
}
