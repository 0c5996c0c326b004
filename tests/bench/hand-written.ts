// The node:http side of the hand-written baselines: read the body as a real endpoint would,
// answer JSON with its length, or a 500 naming the error.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export function json(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** A listener answering every request with `answer(authorization, body)` as JSON. */
export function jsonListener(
  answer: (authorization: string | undefined, body: string) => Promise<unknown>,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      answer(req.headers.authorization, Buffer.concat(chunks).toString("utf8")).then(
        (result) => json(res, result),
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
        },
      );
    });
  };
}
