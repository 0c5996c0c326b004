// The only way to a document's bytes: GET /documents/<id> with the session cookie or a bearer
// token. Checks the download permission and, for a researcher, that the case was referred to
// them; serves the stored type as an attachment that browsers may not sniff or render inline.

import type { IncomingMessage, ServerResponse } from "node:http";
import { requestContext, type Services } from "../../../auth/context.js";
import { hasPermission } from "../../../auth/permissions.js";
import { sendStoredFile } from "../../../http/attachment.js";
import { decodedPath } from "../../../http/request.js";
import { recordAudit } from "../../audit/service.js";
import { mayReadCase } from "../policy.js";
import { documentStorage } from "./storage.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createDocumentDownloadHandler(services: Services) {
  const { prisma } = services;
  const storage = documentStorage(services.config);
  return async function downloadDocument(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD")
      return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    // No CSRF header here, unlike /export: a plain link must work, and reading sends nothing
    // back to a cross-site page (no CORS); the session cookie is SameSite=Lax.
    const context = requestContext(services, req);
    const caller = await context.caller();
    if (caller.kind !== "user") return void res.writeHead(401).end();
    if (!hasPermission(caller.roles, "documents.download")) return void res.writeHead(403).end();

    const id = decodedPath(req).slice("/documents/".length);
    if (!uuidPattern.test(id)) return void res.writeHead(404).end();
    const document = await prisma.document.findUnique({
      where: { id },
      select: {
        id: true,
        fileName: true,
        contentType: true,
        size: true,
        sha256: true,
        storageKey: true,
        memberId: true,
        request: { select: { researcherId: true } },
      },
    });
    if (!document) return void res.writeHead(404).end();
    if (!mayReadCase(caller, { researcherId: document.request?.researcherId ?? null }))
      return void res.writeHead(403).end();

    const stored = await storage.get(document.storageKey);
    if (!stored) return void res.writeHead(404).end();
    // Documents carry personal data (ID copies, income proofs): every read is on record.
    await sendStoredFile(req, res, stored, document, () =>
      recordAudit(
        { tx: prisma, caller, now: new Date() },
        {
          action: "READ_PERSONAL_DATA",
          entityType: "Document",
          entityId: document.id,
          changes: ["content"],
          requestId: context.requestId,
        },
      ),
    );
  };
}
