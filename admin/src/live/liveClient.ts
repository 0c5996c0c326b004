// The panel's graphql-ws client: reconnecting with jittered exponential backoff until the
// server ends the socket's session (4401 sign in again, 4403 refused), reporting its status.
// The panel's live updates and the committee room each open one, with their own pace.
import { type Client, createClient } from "graphql-ws";
import { getLocale } from "../providers/locale.js";

export type LiveStatus = "connecting" | "live" | "offline";

/** The server closed the socket because its session ended: no reconnection is attempted. */
export function sessionEnded(event: unknown): boolean {
  const code = (event as { code?: unknown } | null)?.code;
  return code === 4401 || code === 4403;
}

export type LiveClientOptions = {
  url: string;
  /** The WebSocket class; the browser's by default. */
  webSocketImpl?: unknown;
  keepAliveMs: number;
  /** The first wait before reconnecting, doubled each time up to `maxWaitMs`. */
  firstWaitMs: number;
  maxWaitMs: number;
  onStatus(status: LiveStatus): void;
  onSessionEnded(): void;
  /** Whether the owner has let go: no status or session end is reported after that. */
  disposed(): boolean;
};

export function createLiveClient(options: LiveClientOptions): Client {
  const set = (status: LiveStatus) => !options.disposed() && options.onStatus(status);
  return createClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    lazy: false,
    // The status shows it; a session end is handled by onSessionEnded, not the console.
    onNonLazyError: () => undefined,
    keepAlive: options.keepAliveMs,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !sessionEnded(event),
    retryWait: async (retries) => {
      const wait = Math.min(options.maxWaitMs, options.firstWaitMs * 2 ** retries);
      await new Promise((done) => setTimeout(done, wait * (0.5 + Math.random() / 2)));
    },
    connectionParams: () => ({ language: getLocale() }),
    on: {
      connecting: () => set("connecting"),
      connected: () => set("live"),
      closed: (event) => {
        set("offline");
        if (sessionEnded(event) && !options.disposed()) options.onSessionEnded();
      },
      error: () => set("offline"),
    },
  });
}
