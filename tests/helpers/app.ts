// One helper to run the real server in-process: `gql` goes through yoga.fetch (no socket),
// `url` is a real listening HTTP server for clients that need one (WebSockets, benchmarks).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, type ClientOptions, createClient } from "graphql-ws";
import WebSocket from "ws";
import { type Config, loadConfig } from "../../api/config.js";
import type { Database } from "../../api/db/client.js";
import { createLogger, type Logger } from "../../api/logger.js";
import {
  createDeliveryWorker,
  createSenders,
  type DeliveryWorker,
} from "../../api/modules/notifications/delivery.js";
import type { WaslPubSub } from "../../api/pubsub.js";
import { type App, buildApp } from "../../api/server.js";
import { csrfHeader } from "../../api/yoga.js";
import { openTestDatabase } from "./database.js";

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response values; a type per query shape would add nothing.
export type Json = any;

/**
 * A graphql-ws client of a listening test server (`url`, its HTTP address), never retrying:
 * a socket the server refuses or closes is what a test looks at.
 */
export function socketClient(url: string, options: Omit<ClientOptions, "url"> = {}): Client {
  return createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    ...options,
  });
}

/**
 * The outbox's delivery worker as the server builds it from this configuration, silent;
 * `timing` fixes its clock and its backoff's jitter where a test needs them fixed.
 */
export function testDeliveryWorker(
  prisma: Database["prisma"],
  config: Config,
  timing: { now?: () => Date; random?: () => number } = {},
): DeliveryWorker {
  const log = createLogger("silent");
  return createDeliveryWorker({
    prisma,
    senders: createSenders(config, log),
    config: config.delivery,
    log,
    ...timing,
  });
}

export type GqlOptions = { token?: string; language?: string; headers?: Record<string, string> };
export type GqlResult<T = Record<string, unknown>> = {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  url: string;
  gql<T = Record<string, Json>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResult<T>>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    WASL_TOKEN_SECRET: "test-secret-test-secret-test-secret-0123",
    WASL_DATA_DIR: mkdtempSync(join(tmpdir(), "wasl-test-")),
    // Tests that deliver run a worker of their own, on their own clock; the others keep the
    // outbox as their transactions left it.
    WASL_WORKER: "off",
    ...overrides,
  });
}

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    listen?: boolean;
    onQuery?: (sql: string, params: string) => void;
    /** A built panel to serve at `/` instead of admin/dist. */
    panelDir?: string;
    /** The app's logger (silent by default), e.g. to read what it logged. */
    log?: Logger;
    /** A database opened by the test (closed with the app); by default a fresh one. */
    database?: Database;
    /** An event bus shared with another test app (two instances, as with Redis). */
    pubsub?: WaslPubSub;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase({ onQuery: options.onQuery }));
  const config = testConfig(options.env);
  const app = await buildApp(config, {
    database,
    log: options.log ?? createLogger("silent"),
    panelDir: options.panelDir,
    pubsub: options.pubsub,
  });
  const url = options.listen === false ? "" : await app.start();

  async function gql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    opts: GqlOptions = {},
  ) {
    const response = await app.yoga.fetch("http://wasl.test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [csrfHeader]: "1",
        ...(opts.language ? { "accept-language": opts.language } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  }

  async function signIn(email: string, password: string): Promise<string> {
    const result = await gql<{ signIn: { __typename: string; session?: { token: string } } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInSuccess { session { token } } } }`,
      { input: { email, password } },
    );
    const token = result.data?.signIn.session?.token;
    if (!token) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(result)}`);
    return token;
  }

  return {
    app,
    database,
    config,
    url,
    gql,
    signIn,
    async close() {
      await app.stop();
      await database.close();
    },
  };
}
