// The API's GraphQL endpoint as the panel calls it: same origin, the cookie session, the
// CSRF header the API requires and the UI's language (for translated messages). The Apollo
// client, uploads and the light sign-in page (no Apollo) all go through these.
import { getLocale } from "./locale.js";

export const graphqlPath = "/graphql";
export const csrfHeaders = { "x-wasl-csrf": "1" } as const;

type GraphqlResponse<T> = { data?: T | null; errors?: { message: string }[] };

/**
 * One GraphQL operation by plain fetch: the data, or an Error with the API's (translated)
 * message; an empty message when the API could not be reached.
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let body: GraphqlResponse<T>;
  try {
    const response = await fetch(graphqlPath, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        ...csrfHeaders,
        "content-type": "application/json",
        "accept-language": getLocale(),
      },
      body: JSON.stringify({ query, variables }),
    });
    body = (await response.json()) as GraphqlResponse<T>;
  } catch {
    throw new Error("");
  }
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? "");
  return body.data;
}
