// The webhooks' own calls: send a delivery again, disable a partner's webhook; typed errors
// come back as HttpErrors (errors.ts).
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { type TypedErrorResult, typedResultError, unwrap } from "./errors.js";
import { webhookDeliveryFields } from "./fragments.js";
import { webhookFields } from "./resources/webhooks.js";

const resendMutation = gql`
  mutation ResendWebhookDelivery($input: ResendWebhookDeliveryInput!) {
    result: resendWebhookDelivery(input: $input) {
      __typename
      ... on ResendWebhookDeliverySuccess { delivery { ${webhookDeliveryFields} } }
      ... on Error { code message }
    }
  }`;

const disableMutation = gql`
  mutation DisableWebhook($input: DisableWebhookInput!) {
    result: disableWebhook(input: $input) {
      __typename
      ... on DisableWebhookSuccess { webhook { ${webhookFields} } }
      ... on Error { code message }
    }
  }`;

export type WebhookCalls = {
  /** Queues a SENT or FAILED delivery again (same delivery id, a fresh signature). */
  resendWebhookDelivery(id: string): Promise<Record<string, unknown>>;
  /** Stops a partner's webhook (admins): nothing more is sent to it. */
  disableWebhook(id: string): Promise<Record<string, unknown>>;
};

export function webhookCalls(client: WaslApolloClient): WebhookCalls {
  return {
    async resendWebhookDelivery(id) {
      const { data } = await client.mutate({
        mutation: resendMutation,
        variables: { input: { delivery: id } },
      });
      const result = data?.result as
        | (TypedErrorResult & { delivery?: Record<string, unknown> })
        | undefined;
      if (result?.delivery) return result.delivery;
      throw typedResultError(result ?? { __typename: "Error" });
    },
    async disableWebhook(id) {
      const { data } = await client.mutate({
        mutation: disableMutation,
        variables: { input: { webhook: id } },
      });
      return unwrap(data?.result, "DisableWebhookSuccess", "webhook");
    },
  };
}
