// The requests module's own HTTP route: the CSV export of the request list (export.ts).
import { registerRoute } from "../../http/routes.js";
import { createRequestsExportHandler } from "./export.js";

registerRoute({ path: "/export/requests.csv", create: createRequestsExportHandler });
