// A letter's scan: GET /letters/<id>/scan with the session cookie or a bearer token, for those
// the letters policy allows; every read is audited (a scan may carry personal data).
import type { IncomingMessage, ServerResponse } from "node:http";
import { requestContext, type Services } from "../../auth/context.js";
import { sendStoredFile } from "../../http/attachment.js";
import { decodedPath } from "../../http/request.js";
import { registerRoute } from "../../http/routes.js";
import { recordAudit } from "../audit/service.js";
import { documentStorage } from "../requests/documents/storage.js";
import { mayReadLetterScan } from "./letter-policy.js";

const scanPath =
  /^\/letters\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/scan$/i;

function createLetterScanHandler(services: Services) {
  const { prisma } = services;
  const storage = documentStorage(services.config);
  return async function downloadLetterScan(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD")
      return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    // A plain link must work (no CSRF header), as for documents: reading sends nothing back to
    // a cross-site page, and the session cookie is SameSite=Lax.
    const context = requestContext(services, req);
    const caller = await context.caller();
    if (caller.kind !== "user") return void res.writeHead(401).end();
    if (!mayReadLetterScan(caller)) return void res.writeHead(403).end();
    const id = scanPath.exec(decodedPath(req))?.[1];
    if (!id) return void res.writeHead(404).end();
    const letter = await prisma.letter.findUnique({
      where: { id },
      select: {
        id: true,
        requestId: true,
        scanFileName: true,
        scanContentType: true,
        scanSha256: true,
        scanStorageKey: true,
      },
    });
    if (!letter?.scanStorageKey || !letter.scanFileName || !letter.scanContentType)
      return void res.writeHead(404).end();
    const stored = await storage.get(letter.scanStorageKey);
    if (!stored) return void res.writeHead(404).end();
    await sendStoredFile(
      req,
      res,
      stored,
      {
        fileName: letter.scanFileName,
        contentType: letter.scanContentType,
        sha256: letter.scanSha256 ?? "",
      },
      () =>
        recordAudit(
          { tx: prisma, caller, now: new Date() },
          {
            action: "READ_PERSONAL_DATA",
            entityType: "Letter",
            entityId: letter.id,
            changes: ["scan"],
            requestId: context.requestId,
          },
        ),
    );
  };
}

registerRoute({ path: "/letters/", create: createLetterScanHandler });
