// A request shared with partners on its member's consent, on the case file: the shares, the
// partners it can be shared with, sharing and revoking. Typed errors come back as HttpErrors
// (errors.ts), their field errors by field.
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { unwrap } from "./errors.js";

export type PartnerChoice = { id: string; name: string; nameAr: string };

export type RequestShare = {
  id: string;
  partner: PartnerChoice;
  consentGivenBy: string;
  consentMethod: string;
  consentGivenAt: string;
  recordedBy: string | null;
  createdAt: string;
};

export type ConsentValues = { givenBy: string; method: string; givenAt: string };

const shareFields =
  "id partner { id name nameAr } consentGivenBy consentMethod consentGivenAt recordedBy createdAt";
const errors = `... on Error { __typename code message } ... on ValidationError { fieldErrors { path message } }`;

const sharesQuery = gql`
  query RequestPartnerShares($id: ID!) {
    node(id: $id) { id ... on Request { partnerShares { ${shareFields} } } }
  }`;

const choicesQuery = gql`
  query ShareablePartners { shareablePartners { id name nameAr } }`;

const shareMutation = gql`
  mutation ShareRequestWithPartner($input: ShareRequestWithPartnerInput!) {
    result: shareRequestWithPartner(input: $input) {
      __typename
      ... on ShareRequestWithPartnerSuccess { request { id partnerShares { ${shareFields} } } }
      ${errors}
    }
  }`;

const revokeMutation = gql`
  mutation RevokeRequestPartnerShare($input: RevokeRequestPartnerShareInput!) {
    result: revokeRequestPartnerShare(input: $input) {
      __typename
      ... on RevokeRequestPartnerShareSuccess { request { id partnerShares { ${shareFields} } } }
      ... on Error { __typename code message }
    }
  }`;

type Shared = { partnerShares: RequestShare[] | null };

export type RequestShareCalls = {
  requestPartnerShares(requestId: string): Promise<RequestShare[]>;
  shareablePartners(): Promise<PartnerChoice[]>;
  shareRequestWithPartner(
    requestId: string,
    partnerId: string,
    consent: ConsentValues,
  ): Promise<RequestShare[]>;
  revokeRequestPartnerShare(shareId: string): Promise<RequestShare[]>;
};

export function requestShareCalls(client: WaslApolloClient): RequestShareCalls {
  return {
    async requestPartnerShares(requestId) {
      const { data } = await client.query({
        query: sharesQuery,
        variables: { id: requestId },
        fetchPolicy: "network-only",
      });
      return (data?.node as Shared | null)?.partnerShares ?? [];
    },
    async shareablePartners() {
      const { data } = await client.query({ query: choicesQuery, fetchPolicy: "network-only" });
      return (data?.shareablePartners as PartnerChoice[] | null) ?? [];
    },
    async shareRequestWithPartner(requestId, partnerId, consent) {
      const { data } = await client.mutate({
        mutation: shareMutation,
        variables: { input: { request: requestId, partner: partnerId, consent } },
      });
      return (
        unwrap<Shared>(data?.result, "ShareRequestWithPartnerSuccess", "request").partnerShares ??
        []
      );
    },
    async revokeRequestPartnerShare(shareId) {
      const { data } = await client.mutate({
        mutation: revokeMutation,
        variables: { input: { id: shareId } },
      });
      return (
        unwrap<Shared>(data?.result, "RevokeRequestPartnerShareSuccess", "request").partnerShares ??
        []
      );
    },
  };
}
