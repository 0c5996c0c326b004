// A list's counts, defined once per list and sent with its page, not after it. Pothos resolves
// a connection's count fields only once the page's statements have returned, so a page and its
// count would cost two database round trips one after the other (each a wait for a connection,
// a backend and then the event loop on a busy machine). The page's resolver starts the counts
// the query asks for; the count fields then take those promises. Both receive the same `args`
// object from Pothos for one field of one request, which keys the promises. A count field
// reached without the page having started it (through a fragment, say) counts on its own, from
// the same definition of the list's `where`.
//
// Two counts: the exact total, and a capped one for lists whose common searches match
// thousands of rows (a member search for «محمد»): exact up to `countCap`, else "more than".
// Counting stops at the cap's next row, so its cost no longer grows with the matches.
import { type GraphQLResolveInfo, Kind } from "graphql";

/** Where a capped count stops: the panel shows «أكثر من 1000 عضو» beyond it. */
export const countCap = 1000;

/** A count up to `countCap`: exact when `more` is false; `count` is the cap when it is true. */
export type CappedCount = { count: number; more: boolean };

type Started = { exact?: Promise<number>; capped?: Promise<CappedCount> };

/** The count fields a connection's selection names directly (not through a fragment). */
function askedCounts(info: GraphQLResolveInfo): { exact: boolean; capped: boolean } {
  const asked = { exact: false, capped: false };
  for (const node of info.fieldNodes) {
    for (const s of node.selectionSet?.selections ?? []) {
      if (s.kind !== Kind.FIELD) continue;
      if (s.name.value === "totalCount") asked.exact = true;
      if (s.name.value === "cappedCount") asked.capped = true;
    }
  }
  return asked;
}

/** The page's promise, read later or never: a failure is the page's, not an unhandled one. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * The counts of one list. `where` is the list's one definition of what the caller's list holds
 * (its checks, audits and filters), also used by the page; `count` counts it, up to `take` rows
 * when given.
 */
export function listCounts<Args extends object, Context, Where>(list: {
  where(args: Args, context: Context): Promise<Where>;
  count(context: Context, where: Where, take?: number): Promise<number>;
}) {
  const started = new WeakMap<object, Started>();
  const exact = (context: Context, where: Where) => list.count(context, where);
  const capped = async (context: Context, where: Where): Promise<CappedCount> => {
    const n = await list.count(context, where, countCap + 1);
    return { count: Math.min(n, countCap), more: n > countCap };
  };
  return {
    /** What the caller's list holds: the page's `where` too. */
    where: list.where,
    /** In the page's resolver, with the page's `where`: starts the counts the query asks for. */
    withPage(args: Args, info: GraphQLResolveInfo, context: Context, where: Where): void {
      const asked = askedCounts(info);
      if (!asked.exact && !asked.capped) return;
      started.set(args, {
        exact: asked.exact ? quiet(exact(context, where)) : undefined,
        capped: asked.capped ? quiet(capped(context, where)) : undefined,
      });
    },
    /** `totalCount`: the exact number. */
    total(args: Args, context: Context): Promise<number> {
      return started.get(args)?.exact ?? list.where(args, context).then((w) => exact(context, w));
    },
    /** `cappedCount`: exact up to `countCap`, else "more". */
    upToCap(args: Args, context: Context): Promise<CappedCount> {
      return started.get(args)?.capped ?? list.where(args, context).then((w) => capped(context, w));
    },
  };
}
