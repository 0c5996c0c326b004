// A list's total count sent with its page, not after it. Pothos resolves a connection's
// `totalCount` only once the page's statements have returned, so a page and its count cost
// two database round trips one after the other (each a wait for a connection, a backend and
// then the event loop on a busy machine). The page's resolver starts the count when the query
// asks for it; the `totalCount` resolver then takes that promise. Both receive the same `args`
// object from Pothos for one field of one request, which keys the promise.
import { type GraphQLResolveInfo, Kind } from "graphql";

const started = new WeakMap<object, Promise<number>>();

/** Whether the connection's selection names `totalCount` directly (not through a fragment). */
function asksForCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some(
      (s) => s.kind === Kind.FIELD && s.name.value === "totalCount",
    ),
  );
}

/** Starts `count` now, alongside the page, if the query asks for the total. */
export function countWithPage(
  args: object,
  info: GraphQLResolveInfo,
  count: () => Promise<number>,
): void {
  if (!asksForCount(info)) return;
  const counting = count();
  // The page may fail first and its count never be read: not an unhandled rejection.
  counting.catch(() => {});
  started.set(args, counting);
}

/** The count the page started, or `count()` when it did not start one (a fragment, say). */
export function pageCount(args: object, count: () => Promise<number>): Promise<number> {
  return started.get(args) ?? count();
}
