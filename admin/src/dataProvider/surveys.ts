// The surveys' own calls: a survey's figures (overall and by a dimension), its free-text
// comments, a round of invitations, closing a follow-up with a note, and the figures' CSV.
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { csrfHeaders } from "../providers/endpoint.js";
import { getLocale } from "../providers/locale.js";
import { type TypedErrorResult, typedResultError } from "./errors.js";

export type SurveyDimension = "REQUEST_TYPE" | "CHANNEL" | "STAFF" | "MONTH";

/** A group's figures; all null and `suppressed` below the survey's minimum group size. */
export type SurveyFigures = {
  key: string | null;
  suppressed: boolean;
  responses: number | null;
  invitations: number | null;
  responseRate: number | null;
  csat: number | null;
  nps: number | null;
  averageRating: number | null;
};
export type SurveyAnalytics = { overall: SurveyFigures; groups: SurveyFigures[] };
export type SurveyComment = { text: string; month: string; request: string | null };
export type SurveyRoundSelection = {
  statuses?: string[];
  cities?: string[];
  channels?: string[];
};

export type SurveyCalls = {
  getSurveyAnalytics(survey: string, groupBy: SurveyDimension | null): Promise<SurveyAnalytics>;
  getSurveyComments(survey: string, first: number): Promise<SurveyComment[]>;
  sendSurveyRound(survey: string, selection: SurveyRoundSelection): Promise<number>;
  closeSurveyFollowUp(id: string, note: string): Promise<void>;
  exportSurveyFigures(survey: string, groupBy: SurveyDimension): Promise<Blob>;
};

const figureFields = "key suppressed responses invitations responseRate csat nps averageRating";
const errorFields = `... on Error { __typename code message }
  ... on ValidationError { fieldErrors { path message } }`;

const analyticsQuery = gql`
  query SurveyAnalytics($survey: ID!, $groupBy: SurveyDimension) {
    result: surveyAnalytics(survey: $survey, groupBy: $groupBy) {
      __typename
      ... on SurveyAnalyticsSuccess { analytics { overall { ${figureFields} } groups { ${figureFields} } } }
      ... on Error { __typename code message }
    }
  }`;

const commentsQuery = gql`
  query SurveyComments($survey: ID!, $first: Int!) {
    surveyComments(survey: $survey, first: $first) { text month request }
  }`;

const roundMutation = gql`
  mutation SendSurveyRound($input: SendSurveyRoundInput!) {
    result: sendSurveyRound(input: $input) {
      __typename
      ... on SendSurveyRoundSuccess { round { invited } }
      ... on PreconditionFailedError { reason }
      ${errorFields}
    }
  }`;

const closeMutation = gql`
  mutation CloseSurveyFollowUp($input: CloseSurveyFollowUpInput!) {
    result: closeSurveyFollowUp(input: $input) {
      __typename
      ... on CloseSurveyFollowUpSuccess { followUp { id status note } }
      ${errorFields}
    }
  }`;

type Result = TypedErrorResult & Record<string, unknown>;

function unwrap<T>(result: Result | null | undefined, success: string, pick: (r: Result) => T): T {
  if (result && result.__typename === success) return pick(result);
  throw typedResultError(result ?? { __typename: "Error", message: "" });
}

export function surveyCalls(
  client: WaslApolloClient,
  fetchImpl: typeof fetch = fetch,
): SurveyCalls {
  return {
    async getSurveyAnalytics(survey, groupBy) {
      const { data } = await client.query({
        query: analyticsQuery,
        variables: { survey, groupBy },
      });
      return unwrap(data?.result, "SurveyAnalyticsSuccess", (r) => r.analytics as SurveyAnalytics);
    },

    async getSurveyComments(survey, first) {
      const { data } = await client.query({ query: commentsQuery, variables: { survey, first } });
      return (data?.surveyComments as SurveyComment[] | undefined) ?? [];
    },

    async sendSurveyRound(survey, selection) {
      const input = {
        survey,
        ...Object.fromEntries(
          Object.entries(selection).filter(([, values]) => values && values.length > 0),
        ),
      };
      const { data } = await client.mutate({ mutation: roundMutation, variables: { input } });
      return unwrap(
        data?.result,
        "SendSurveyRoundSuccess",
        (r) => (r.round as { invited: number }).invited,
      );
    },

    async closeSurveyFollowUp(id, note) {
      const { data } = await client.mutate({
        mutation: closeMutation,
        variables: { input: { id, note } },
      });
      unwrap(data?.result, "CloseSurveyFollowUpSuccess", () => undefined);
    },

    async exportSurveyFigures(survey, groupBy) {
      const query = new URLSearchParams({ survey, groupBy, lang: getLocale() });
      const response = await fetchImpl(`/export/survey.csv?${query}`, {
        credentials: "same-origin",
        headers: { ...csrfHeaders },
      });
      if (!response.ok) throw new Error(`${response.status}`);
      return response.blob();
    },
  };
}
