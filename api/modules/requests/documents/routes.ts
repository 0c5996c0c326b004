// The documents' HTTP route: a document's bytes, GET /documents/<id> (download.ts).
import { registerRoute } from "../../../http/routes.js";
import { createDocumentDownloadHandler } from "./download.js";

registerRoute({ path: "/documents/", create: createDocumentDownloadHandler });
