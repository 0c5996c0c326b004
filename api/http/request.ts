// What every HTTP route reads from a request, read so that bad input is a 400 and never a
// throw that reaches node:http: the decoded path, the request id. And the one wrapper that
// turns any handler failure into an answer (4xx for bad input, a logged 500 otherwise).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";

/** The client sent something we cannot read (a malformed path): answered 400, not logged. */
export class BadRequestError extends Error {
  readonly status = 400;
}

/**
 * The request's path, percent-decoded. A malformed encoding (`/%E0%A4%A`) or a NUL byte, which
 * no file or route name contains and which file-system calls refuse, is a bad request.
 */
export function decodedPath(req: IncomingMessage): string {
  // Not `new URL(target, base)`: it throws on "//" and reads "//host/x" as a host.
  let target = req.url ?? "/";
  if (!target.startsWith("/")) {
    // The absolute form (`GET http://host/path`), which proxies send.
    try {
      target = new URL(target).pathname;
    } catch {
      throw new BadRequestError("unreadable request target");
    }
  }
  let path: string;
  try {
    path = decodeURIComponent(target.split(/[?#]/)[0]!);
  } catch {
    throw new BadRequestError("malformed percent-encoding in the path");
  }
  if (path.includes("\0")) throw new BadRequestError("NUL byte in the path");
  return path;
}

const requestIdPattern = /^[\w.:-]{1,100}$/;

/**
 * The caller's `x-request-id` when it is a plain token (it is echoed in a response header and
 * written to logs), else a new one. Repeated headers arrive joined or as an array: the first.
 */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
  return first && requestIdPattern.test(first) ? first : randomUUID();
}

/** A node:http request's headers as fetch `Headers` (repeated ones as node joined them). */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Runs a node:http handler so that nothing it throws or rejects escapes: bad input becomes a
 * 400, anything else a 500 logged with the request id (an unhandled rejection would stop the
 * process, and every user with it). A response already under way is cut off instead.
 */
export function answerEveryFailure(log: Logger, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      // The client left mid-answer (e.g. a cancelled download): nothing failed on our side.
      if ((error as { code?: unknown })?.code === "ERR_STREAM_PREMATURE_CLOSE" && req.destroyed)
        return void res.destroy();
      const status = error instanceof BadRequestError ? error.status : 500;
      if (status >= 500)
        log.error(
          {
            err: error,
            requestId: res.getHeader("x-request-id"),
            method: req.method,
            url: req.url,
          },
          "request failed",
        );
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(status === 400 ? "Bad request" : "Internal server error");
    }
  };
}
