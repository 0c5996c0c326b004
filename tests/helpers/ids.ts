// Relay global IDs as the API encodes them (base64 of `Type:id`), written once for every test.
// Spelled out rather than taken from the API so that a test notices if the encoding changes.

/** The global ID of the record `id` of GraphQL type `type`. */
export const gid = (type: string, id: string): string =>
  Buffer.from(`${type}:${id}`).toString("base64");

/** The database ID inside a global ID. */
export const rawId = (globalId: string): string =>
  Buffer.from(globalId, "base64").toString("utf8").split(":")[1] ?? "";
