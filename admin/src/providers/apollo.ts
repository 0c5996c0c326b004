// The one GraphQL client of the panel: same-origin, cookie session (never a stored token),
// the CSRF header the API requires, and the UI's language for translated error messages.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { csrfHeaders, graphqlPath } from "./endpoint.js";
import { getLocale } from "./locale.js";

export function createApolloClient(uri = graphqlPath, fetchImpl?: typeof fetch) {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, "accept-language": getLocale() },
    }));
    return forward(operation);
  });
  const http = new HttpLink({
    uri,
    credentials: "same-origin",
    headers: { ...csrfHeaders },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return new ApolloClient({
    link: ApolloLink.from([language, http]),
    // Results are not cached by Apollo: react-admin's query cache is the one cache.
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: "no-cache", errorPolicy: "none" },
      mutate: { fetchPolicy: "no-cache", errorPolicy: "none" },
    },
  });
}

export type WaslApolloClient = ReturnType<typeof createApolloClient>;
