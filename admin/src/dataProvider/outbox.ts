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
        ... on InvalidTransitionError { currentState allowed }
      }
    }`;
};

export type OutboxCalls = {
  changeNotification(
    action: OutboxAction,
    notification: { id: string; version: number },
  ): Promise<Record<string, unknown>>;
};

export function outboxCalls(client: WaslApolloClient): OutboxCalls {
  return {
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
