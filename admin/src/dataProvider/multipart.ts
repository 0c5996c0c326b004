// GraphQL multipart requests (a document, a letter's scan): the operation with each File in
// its variables replaced by null, the map of where each went, then the files. Apollo sends
// JSON only, so these go through fetch; GraphQL errors come back as HttpErrors (errors.ts).
import { csrfHeaders, graphqlPath } from "../providers/endpoint.js";
import { getLocale } from "../providers/locale.js";
import { typedResultError } from "./errors.js";

type Files = [path: string, file: File][];

/** The variables with their Files taken out (null in their place), and where they were. */
function extractFiles(value: unknown, path: string, files: Files): unknown {
  if (value instanceof File) {
    files.push([path, value]);
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => extractFiles(v, `${path}.${i}`, files));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, extractFiles(v, `${path}.${k}`, files)]),
    );
  return value;
}

/** Whether the variables carry a file, i.e. need a multipart request. */
export function carriesFile(variables: unknown): boolean {
  const files: Files = [];
  extractFiles(variables, "variables", files);
  return files.length > 0;
}

/** Sends the operation as a multipart request; answers its `data`. */
export async function postMultipart(
  query: string,
  variables: Record<string, unknown>,
  fetchImpl: typeof fetch = fetch,
): Promise<Record<string, unknown>> {
  const files: Files = [];
  const sent = extractFiles(variables, "variables", files);
  const body = new FormData();
  body.append("operations", JSON.stringify({ query, variables: sent }));
  body.append("map", JSON.stringify(Object.fromEntries(files.map(([path], i) => [i, [path]]))));
  for (const [i, [, file]] of files.entries()) body.append(String(i), file, file.name);
  const response = await fetchImpl(graphqlPath, {
    method: "POST",
    credentials: "same-origin",
    headers: { ...csrfHeaders, "accept-language": getLocale() },
    body,
  });
  const json = (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const first = json.errors?.[0];
  if (first)
    throw typedResultError({
      __typename: "GraphQLError",
      code: first.extensions?.code ?? "UNEXPECTED",
      message: first.message,
    });
  return json.data ?? {};
}
