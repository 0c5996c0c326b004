// What the fan-out bench's processes say to each other (fanout.ts forks the servers,
// fanout-server.ts, and the clients, fanout-clients.ts; they talk over IPC).

export type FanoutRoom = {
  /** The session's global ID (the subscription's variable). */
  session: string;
  /** chair, m1, m2, m3, admin: the clients' viewers, in turn. */
  tokens: string[];
};

export type FanoutServerMessage =
  | { type: "ready"; url: string; engine: string; room?: FanoutRoom }
  | { type: "published"; times: [number, number][] }
  | { type: "profiled" };

export type FanoutServerCommand =
  | { type: "publish"; count: number; intervalMs: number }
  | { type: "frame"; frame: string; sequence: number }
  | { type: "profile"; file?: string }
  | "stop";

/** Milliseconds on CLOCK_MONOTONIC: one clock for every process on this machine. */
export const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

export type ClientCommand =
  | {
      type: "connect";
      group: string;
      url: string;
      count: number;
      tokens: string[];
      query: string;
      variables: Record<string, unknown>;
    }
  /** Answers once no client of any group has received anything for `ms`. */
  | { type: "quiet"; ms: number }
  /** Answers the next frame the group's first client receives (the baseline's bytes). */
  | { type: "sample"; group: string }
  /** From now on, receipt times per sequence; `deliveries` answers once a sequence reached all. */
  | { type: "record"; group: string }
  | { type: "report"; group: string }
  | { type: "close"; group: string };

export type ClientMessage =
  | { type: "connected"; group: string; ms: number }
  | { type: "quiet" }
  | { type: "sample"; frame: string; sequence: number }
  | { type: "delivered"; group: string; sequence: number }
  | { type: "report"; group: string; receipts: [number, number[]][]; errors: number }
  | { type: "closed"; group: string }
  | { type: "failed"; error: string };
