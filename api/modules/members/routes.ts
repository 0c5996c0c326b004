// The members module's HTTP route: the CSV export of the member list (export.ts).
import { registerRoute } from "../../http/routes.js";
import { createMembersExportHandler } from "./export.js";

registerRoute({ path: "/export/members.csv", create: createMembersExportHandler });
