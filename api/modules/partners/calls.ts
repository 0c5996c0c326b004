// The partner call log: every partner call (HTTP operation, subscription start) as one row,
// kept in memory and written in batches (one INSERT for up to `batchSize` calls, at most
// `flushEveryMs` after the call), never in the request's path. Rows older than the retention
// (WASL_PARTNER_CALL_RETENTION_DAYS, 90 days by default) are deleted by the same writer, at
// most once an hour. A call not yet written when the process dies is lost: the log is for
// following partners' use, not an audit trail (partners' writes are audited with the data).
import type { PrismaClient } from "../../db/client.js";
import type {
  PartnerCallResult,
  PartnerCallTransport,
  PartnerOperationType,
} from "../../db/generated/enums.js";
import { newId } from "../../db/ids.js";
import type { Logger } from "../../logger.js";

export type PartnerCallEntry = {
  apiKeyId: string;
  partnerId: string;
  operationName: string | null;
  operationType: PartnerOperationType;
  transport: PartnerCallTransport;
  cost: number | null;
  result: PartnerCallResult;
  errorCode: string | null;
  durationMs: number;
  at: Date;
};

/**
 * One INSERT of the whole batch, its rows as one JSON parameter: the statement's text is the
 * same for every batch, so nothing is compiled anew. Prisma's `createMany` compiles its query
 * plan again on every call (Prisma 7 keeps no plan for it): for 200 rows ~42 ms of CPU, ~0.2 ms
 * per partner call, as much as a whole `{__typename}`. (One array per column would be shorter,
 * but the embedded database's adapter cannot pass arrays.) A timestamp's "Z" is ignored by
 * PostgreSQL for `timestamp(3)`, which holds UTC as Prisma writes it.
 */
function insertCalls(prisma: PrismaClient, batch: PartnerCallEntry[]): Promise<number> {
  const rows = JSON.stringify(batch.map((call) => ({ ...call, id: newId() })));
  return prisma.$executeRaw`
    INSERT INTO "PartnerCall" ("id", "apiKeyId", "partnerId", "operationName", "operationType",
      "transport", "cost", "result", "errorCode", "durationMs", "at")
    SELECT "id", "apiKeyId", "partnerId", "operationName", "operationType", "transport", "cost",
      "result", "errorCode", "durationMs", "at"
    FROM json_to_recordset(${rows}::json) AS c("id" uuid, "apiKeyId" uuid, "partnerId" uuid,
      "operationName" text, "operationType" "PartnerOperationType",
      "transport" "PartnerCallTransport", "cost" int, "result" "PartnerCallResult",
      "errorCode" text, "durationMs" int, "at" timestamp(3))`;
}

/** Past this many unwritten calls (the database down a long while) the oldest are dropped. */
const maxBuffered = 10_000;
const pruneEveryMs = 3_600_000;

export class PartnerCallLog {
  private buffer: PartnerCallEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastPrune = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: Logger,
    private readonly options: {
      retentionDays: number;
      flushEveryMs?: number;
      batchSize?: number;
      now?: () => number;
    },
  ) {}

  record(entry: PartnerCallEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > maxBuffered) this.buffer.splice(0, this.buffer.length - maxBuffered);
    if (this.buffer.length >= (this.options.batchSize ?? 200)) void this.flush();
    else
      this.timer ??= setTimeout(() => void this.flush(), this.options.flushEveryMs ?? 1000).unref();
  }

  /** Writes what is buffered (and prunes old rows when due); resolves once written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private async write(batch: PartnerCallEntry[]): Promise<void> {
    try {
      if (batch.length) await insertCalls(this.prisma, batch);
      const now = (this.options.now ?? Date.now)();
      if (now - this.lastPrune >= pruneEveryMs) {
        this.lastPrune = now;
        const before = new Date(now - this.options.retentionDays * 86_400_000);
        await this.prisma.partnerCall.deleteMany({ where: { at: { lt: before } } });
      }
    } catch (error) {
      this.log.error({ err: error, calls: batch.length }, "partner call log not written");
    }
  }

  /** At shutdown: the last calls are written before the database closes. */
  stop(): Promise<void> {
    return this.flush();
  }
}
