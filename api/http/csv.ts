// CSV for spreadsheets (the exports of the modules): who may download one, its headers, its
// cells.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { StaffCaller } from "../auth/caller.js";
import { type Context, requestContext, type Services } from "../auth/context.js";
import { hasPermission, type Permission } from "../auth/permissions.js";

/**
 * The signed-in staff caller a CSV export answers, with the request's context; or null once
 * the refusal is answered (405 but GET, 403 without the CSRF header or the permission, 401).
 */
export async function exportCaller(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  permission: Permission,
): Promise<{ context: Context; caller: StaffCaller } | null> {
  const refuse = (status: number, text?: string) => {
    res.writeHead(status, status === 405 ? { allow: "GET" } : {}).end(text);
    return null;
  };
  if (req.method !== "GET") return refuse(405);
  // Like /graphql: a header a cross-site page cannot send, so no other site can trigger it.
  if (req.headers["x-wasl-csrf"] !== "1") return refuse(403, "x-wasl-csrf header required");
  const context = requestContext(services, req);
  const caller = await context.caller();
  if (caller.kind !== "user") return refuse(401);
  if (!hasPermission(caller.roles, permission)) return refuse(403);
  return { context, caller };
}

/** Starts a CSV download: UTF-8 with a BOM first, so that Excel reads Arabic right. */
export function startCsv(res: ServerResponse, fileName: string, header: readonly string[]): void {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.write(`\uFEFF${csvLine(header)}`);
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets never run it. */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
