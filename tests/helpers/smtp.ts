// A real SMTP server in the test process (smtp-server): it receives what Wasl sends, parses
// each message (mailparser), and can be told to refuse mail (a 4xx or 5xx reply) or be
// stopped and started again on the same port.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { mail: ParsedMail; raw: string };

export type TestSmtpServer = {
  url: string;
  port: number;
  received: Received[];
  /** Answer every message with this SMTP reply code (e.g. 451, 550); null accepts again. */
  refuseWith(code: number | null): void;
  /** Waits until `count` messages arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  restart(): Promise<void>;
};

export async function startSmtpServer(
  options: { port?: number; delayMs?: number } = {},
): Promise<TestSmtpServer> {
  const received: Received[] = [];
  let refusal: number | null = null;
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // stop() closes the pooled connections a sender keeps open instead of waiting for them.
      closeTimeout: 50,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          if (refusal !== null) {
            const error = Object.assign(new Error(`refused by the test (${refusal})`), {
              responseCode: refusal,
            });
            return callback(error);
          }
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({ mail: await simpleParser(raw), raw });
          callback();
        });
      },
    });
  const createListening = () => {
    const smtp = create();
    // A sender that vanishes mid-conversation (a worker killed on purpose) resets its socket:
    // that is the test's doing, not an error of the server's.
    smtp.on("error", () => {});
    return smtp;
  };
  let server = createListening();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        resolve((server.server.address() as AddressInfo).port);
      });
    });
  const port = await listen(options.port ?? 0);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseWith(code) {
      refusal = code;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} e-mails, received ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = createListening();
      await listen(port);
    },
  };
}
