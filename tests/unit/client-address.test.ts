import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "../../api/auth/client-address.js";

const request = (forwardedFor?: string) =>
  ({
    socket: { remoteAddress: "10.0.0.2" },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as unknown as IncomingMessage;

describe("clientAddressOf", () => {
  it("ignores X-Forwarded-For with no trusted proxy", () => {
    expect(clientAddressOf(request("203.0.113.9"), 0)).toBe("10.0.0.2");
  });
  it("takes the Nth address from the right behind N trusted proxies", () => {
    expect(clientAddressOf(request("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddressOf(request("6.6.6.6, 203.0.113.9, 10.0.0.1"), 2)).toBe("203.0.113.9");
  });
  it("falls back to the peer without the header, and to the leftmost when it is short", () => {
    expect(clientAddressOf(request(), 1)).toBe("10.0.0.2");
    expect(clientAddressOf(request("203.0.113.9"), 3)).toBe("203.0.113.9");
  });
});
