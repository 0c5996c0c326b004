// The outbox's own calls: resend a FAILED notification, cancel a PENDING one, each sent with
// the version read; typed errors come back as HttpErrors (errors.ts).
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { type TypedErrorResult, typedResultError } from "./errors.js";
import { notificationFields } from "./fragments.js";

export type OutboxAction = "resendNotification" | "cancelNotification";

const actionMutation = (field: OutboxAction) => {
  const type = field[0]!.toUpperCase() + field.slice(1);
  return gql`
    mutation ${type}($input: ${type}Input!) {
      result: ${field}(input: $input) {
        __typename
        ... on ${type}Success { notification { ${notificationFields} } }
        ... on Error { code message }
        ... on ConflictError { currentVersion }
        ... on OutboxTransitionError { outboxStatus allowedOutboxActions }
      }
    }`;
};

/** One of the signed-in user's notifications, as the bell lists them. */
export type BellItem = {
  id: string;
  event: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  request: { id: string; reference: string | null } | null;
};

const bellQuery = gql`
  query Bell {
    myUnreadNotificationCount
    myNotifications(first: 20) {
      edges { node { id event subject body createdAt readAt request { id reference } } }
    }
  }`;

const markReadMutation = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { unreadCount }
  }`;

export type TemplatePreview = { subject: string; body: string; html: string | null };

const previewQuery = gql`
  query NotificationTemplatePreview($input: NotificationTemplatePreviewInput!) {
    result: notificationTemplatePreview(input: $input) {
      __typename
      ... on NotificationTemplatePreviewSuccess { preview { subject body html } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { code message }
    }
  }`;

const preferencesMutation = gql`
  mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) {
    result: setNotificationPreferences(input: $input) {
      __typename
      ... on SetNotificationPreferencesSuccess { member { id notifyBy notificationsOptOut version } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { code message }
    }
  }`;

export type OutboxCalls = {
  /** Records how the member wants to be notified (channel, opt-out), with the version read. */
  setNotificationPreferences(input: {
    member: string;
    version: number;
    notifyBy: string | null;
    optOut: boolean;
  }): Promise<Record<string, unknown>>;
  /** Texts being edited, rendered on a real request as its member would receive them. */
  previewTemplate(input: {
    event: string;
    channel: string;
    language: "AR" | "EN";
    subject: string;
    body: string;
    request: string;
  }): Promise<TemplatePreview>;
  /** The bell: the unread count and the latest notifications of the signed-in user. */
  getBell(): Promise<{ unreadCount: number; items: BellItem[] }>;
  /** Marks the user's notifications read (these, or all); answers the unread count. */
  markNotificationsRead(ids?: string[]): Promise<number>;
  changeNotification(
    action: OutboxAction,
    notification: { id: string; version: number },
  ): Promise<Record<string, unknown>>;
};

export function outboxCalls(client: WaslApolloClient): OutboxCalls {
  return {
    async setNotificationPreferences(input) {
      const { data } = await client.mutate({ mutation: preferencesMutation, variables: { input } });
      const result = data?.result as
        | (TypedErrorResult & { member?: Record<string, unknown> })
        | undefined;
      if (result?.member) return result.member;
      throw typedResultError(result ?? { __typename: "Error" });
    },
    async previewTemplate(input) {
      const { data } = await client.query({
        query: previewQuery,
        variables: { input },
        fetchPolicy: "no-cache",
      });
      const result = data?.result as (TypedErrorResult & { preview?: TemplatePreview }) | undefined;
      if (result?.preview) return result.preview;
      throw typedResultError(result ?? { __typename: "Error" });
    },
    async getBell() {
      const { data } = await client.query({ query: bellQuery, fetchPolicy: "no-cache" });
      return {
        unreadCount: data?.myUnreadNotificationCount ?? 0,
        items: (data?.myNotifications?.edges ?? []).map((e: { node: BellItem }) => e.node),
      };
    },
    async markNotificationsRead(ids) {
      const { data } = await client.mutate({
        mutation: markReadMutation,
        variables: { input: ids ? { ids } : {} },
      });
      return data?.markNotificationsRead?.unreadCount ?? 0;
    },
    async changeNotification(action, { id, version }) {
      const { data } = await client.mutate({
        mutation: actionMutation(action),
        variables: { input: { id, version } },
      });
      const result = data?.result as
        | (TypedErrorResult & { notification?: Record<string, unknown> })
        | undefined;
      if (result?.notification) return result.notification;
      throw typedResultError(result ?? { __typename: "Error" });
    },
  };
}
