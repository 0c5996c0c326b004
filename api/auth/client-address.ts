import type { IncomingMessage } from "node:http";

/**
 * The address a request comes from. Behind `trustProxy` reverse proxies, each appends the
 * address it received the request from to X-Forwarded-For, so the client is the Nth entry
 * from the right; anything further left was written by the client and may be forged. With 0,
 * the header is ignored: anyone can send it.
 */
export function clientAddressOf(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustProxy <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!forwarded.length) return peer;
  // Fewer entries than trusted hops: the leftmost is the furthest one a trusted proxy wrote.
  return forwarded[Math.max(forwarded.length - trustProxy, 0)]!.slice(0, 100);
}
