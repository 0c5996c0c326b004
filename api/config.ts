import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** Thrown when the environment is wrong; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * PostgreSQL connections per API process. pg's own default, and a tenth of PostgreSQL's
 * default `max_connections` (100), leaving room for several instances, migrations and an
 * operator's psql. Node runs one thread: more connections than that rarely go faster, and
 * a burst beyond them queues (api/db/client.ts, transactionLimits) instead of failing.
 */
export const defaultDatabasePoolSize = 10;

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

/** `https://host[:port]` exactly as a browser sends it in `Origin` (URL.origin round-trips). */
function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).optional(),
  WASL_DATA_DIR: z.string().min(1).default("./data"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Wasl <no-reply@wasl.localhost>"),
  WASL_WORKER: z.enum(["in-process", "off"]).default("in-process"),
  WASL_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WASL_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  WASL_DELIVERY_POLL_MS: z.coerce.number().int().min(10).default(2_000),
  WASL_DELIVERY_BATCH: z.coerce.number().int().min(1).max(500).default(20),
  WASL_DELIVERY_LEASE_MS: z.coerce.number().int().min(100).default(300_000),
  WASL_REMINDERS_EVERY_MS: z.coerce.number().int().min(100).default(900_000),
  WASL_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5_000),
  SMS_GATEWAY: z.enum(["log", "http"]).default("log"),
  SMS_HTTP_URL: z
    .string()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .optional(),
  SMS_HTTP_METHOD: z.enum(["POST", "PUT", "GET"]).default("POST"),
  SMS_HTTP_AUTHORIZATION: z.string().optional(),
  SMS_HTTP_CONTENT_TYPE: z.string().default("application/json"),
  SMS_HTTP_BODY: z.string().default('{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}'),
  SMS_HTTP_MESSAGE_ID_FIELD: z.string().default("id"),
  WASL_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  WASL_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  WASL_INTROSPECTION: flag.optional(),
  WASL_COOKIE_SECURE: flag.optional(),
  WASL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  WASL_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10_000_000),
  WASL_SEED_DEMO: flag.optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  WASL_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, "must be an http:// or https:// URL")
    .optional(),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            isExactOrigin,
            "each entry must be an exact origin such as https://portal.example.org (scheme, host, optional port; no path, no *)",
          ),
      ),
    ),
  WASL_PARTNER_POINTS_PER_HOUR: z.coerce.number().int().min(1).default(5000),
  WASL_PARTNER_MAX_NODES: z.coerce.number().int().min(1).default(10_000),
  WASL_PARTNER_MAX_DEPTH: z.coerce.number().int().min(1).default(8),
  WASL_PARTNER_MAX_ALIASES: z.coerce.number().int().min(0).default(5),
  WASL_PARTNER_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(5),
  WASL_PARTNER_MAX_TOKENS: z.coerce.number().int().min(10).default(1000),
  WASL_PARTNER_PERSISTED_OPERATIONS: z.string().min(1).optional(),
  WASL_PARTNER_CALL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** Set → PostgreSQL server; unset → embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** PostgreSQL connections this process may hold; a burst beyond them queues. */
  databasePoolSize: number;
  dataDir: string;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  /** Notifications' delivery: e-mail sender, the worker, the SMS gateway. */
  delivery: DeliveryConfig;
  tokenSecret: Uint8Array;
  tokenTtlSeconds: number;
  introspection: boolean;
  cookieSecure: boolean;
  maxBodyBytes: number;
  /** Largest uploaded document; multipart requests may be this size plus their fields. */
  maxUploadBytes: number;
  /**
   * Demo data (and its published passwords) in an empty database: by default only for the
   * embedded database someone is trying out, never on a PostgreSQL server unless asked.
   */
  seedDemo: boolean;
  /** Origins (other than our own) whose pages may call the API with credentials; none by default. */
  corsOrigins: string[];
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
  logLevel: string;
  /** What partner callers may ask of the API (api/modules/partners/, docs/partners.md). */
  partnerLimits: PartnerLimitsConfig;
  /** Where members reach this server (links in messages); by default the listening address. */
  publicUrl: string;
};

export type PartnerLimitsConfig = {
  /** A key's budget of cost points per hour, unless its own limit says otherwise. */
  pointsPerHour: number;
  /** Most potential nodes one query may ask for (page sizes multiplied along the path). */
  maxNodes: number;
  /** graphql-armor's limits for partners, stricter than for staff (graphql/query-limits.ts). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** A JSON file of registered operations (`{ "<sha256>": "<document>" }`), if any. */
  persistedOperationsFile: string | undefined;
  /** How long the partner call log keeps a call. */
  callRetentionDays: number;
};

export type DeliveryConfig = {
  mailFrom: string;
  /** `in-process`: the API runs the delivery worker; `off`: `npm run worker` does. */
  worker: "in-process" | "off";
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it, with jitter. */
  backoffMs: number;
  pollMs: number;
  batchSize: number;
  /** How long a claimed row is another worker's; past it (a crashed worker) it is retried. */
  leaseMs: number;
  /** How often the staff reminders (decision due soon, overdue) are looked for. */
  remindersEveryMs: number;
  /** How long a partner's webhook may take to answer before the try counts as failed. */
  webhookTimeoutMs: number;
  sms:
    | { gateway: "log" }
    | {
        gateway: "http";
        url: string;
        method: "POST" | "PUT" | "GET";
        authorization: string | undefined;
        contentType: string;
        /** `{{to}}`, `{{text}}`, `{{id}}` are replaced (JSON-escaped for a JSON content type). */
        body: string;
        /** Where the gateway's answer (JSON) gives the message id, e.g. `data.messageId`. */
        messageIdField: string;
      };
};

/** Reads the token secret from the data directory, creating it on first start. */
function persistedTokenSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, "token-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, "utf8").trim());
}

/** Whether HOST only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Validates the environment once; every later module receives the typed result. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (e.SMS_GATEWAY === "http" && !e.SMS_HTTP_URL)
    throw new ConfigError(["SMS_HTTP_URL: required when SMS_GATEWAY=http"]);
  const dataDir = resolve(e.WASL_DATA_DIR);
  const production = e.NODE_ENV === "production";
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE ?? defaultDatabasePoolSize,
    dataDir,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    delivery: {
      mailFrom: e.MAIL_FROM,
      worker: e.WASL_WORKER,
      maxAttempts: e.WASL_DELIVERY_MAX_ATTEMPTS,
      backoffMs: e.WASL_DELIVERY_BACKOFF_MS,
      pollMs: e.WASL_DELIVERY_POLL_MS,
      batchSize: e.WASL_DELIVERY_BATCH,
      leaseMs: e.WASL_DELIVERY_LEASE_MS,
      remindersEveryMs: e.WASL_REMINDERS_EVERY_MS,
      webhookTimeoutMs: e.WASL_WEBHOOK_TIMEOUT_MS,
      sms:
        e.SMS_GATEWAY === "http" && e.SMS_HTTP_URL
          ? {
              gateway: "http",
              url: e.SMS_HTTP_URL,
              method: e.SMS_HTTP_METHOD,
              authorization: e.SMS_HTTP_AUTHORIZATION,
              contentType: e.SMS_HTTP_CONTENT_TYPE,
              body: e.SMS_HTTP_BODY,
              messageIdField: e.SMS_HTTP_MESSAGE_ID_FIELD,
            }
          : { gateway: "log" },
    },
    tokenSecret: e.WASL_TOKEN_SECRET
      ? new TextEncoder().encode(e.WASL_TOKEN_SECRET)
      : persistedTokenSecret(dataDir),
    tokenTtlSeconds: e.WASL_TOKEN_TTL_MINUTES * 60,
    introspection: e.WASL_INTROSPECTION ?? !production,
    cookieSecure: e.WASL_COOKIE_SECURE ?? production,
    maxBodyBytes: e.WASL_MAX_BODY_BYTES,
    maxUploadBytes: e.WASL_MAX_UPLOAD_BYTES,
    // Not on an address other machines reach either: main.ts would refuse to serve the demo
    // accounts' published passwords there.
    seedDemo: e.WASL_SEED_DEMO ?? (!e.DATABASE_URL && isLoopbackHost(e.HOST)),
    corsOrigins: e.CORS_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    partnerLimits: {
      pointsPerHour: e.WASL_PARTNER_POINTS_PER_HOUR,
      maxNodes: e.WASL_PARTNER_MAX_NODES,
      maxDepth: e.WASL_PARTNER_MAX_DEPTH,
      maxAliases: e.WASL_PARTNER_MAX_ALIASES,
      maxDirectives: e.WASL_PARTNER_MAX_DIRECTIVES,
      maxTokens: e.WASL_PARTNER_MAX_TOKENS,
      persistedOperationsFile: e.WASL_PARTNER_PERSISTED_OPERATIONS
        ? resolve(e.WASL_PARTNER_PERSISTED_OPERATIONS)
        : undefined,
      callRetentionDays: e.WASL_PARTNER_CALL_RETENTION_DAYS,
    },
    publicUrl: (
      e.WASL_PUBLIC_URL ??
      `http://${["0.0.0.0", "::"].includes(e.HOST) ? "localhost" : e.HOST}:${e.PORT}`
    ).replace(/\/+$/, ""),
  };
}
