// A request's copy of the partners its member shared it with (`sharedWithPartnerIds`), which
// its changes read to tell those partners without a query (policy.ts: partnersFollowing). The
// partners module keeps the shares themselves (RequestPartnerShare) and changes this copy in
// the same transaction, through these two calls only.
import type { CommandContext } from "../../db/commands.js";

/**
 * The request's partners — the one that submitted it, those it is shared with — with its row
 * locked until the transaction ends, so that two share changes on one request never lose each
 * other's (the read waits for the other's commit and answers the row as it left it).
 * Undefined when there is no such request.
 */
export async function lockSharing(context: CommandContext, requestId: string) {
  const [request] = await context.tx.request.updateManyAndReturn({
    where: { id: requestId },
    data: { updatedAt: context.now },
    select: { partnerId: true, sharedWithPartnerIds: true },
  });
  return request;
}

/** Writes the partners the request is shared with (after lockSharing, in its transaction). */
export async function recordSharedWith(
  context: CommandContext,
  requestId: string,
  partnerIds: string[],
): Promise<void> {
  await context.tx.request.update({
    where: { id: requestId },
    data: { sharedWithPartnerIds: partnerIds },
  });
}
