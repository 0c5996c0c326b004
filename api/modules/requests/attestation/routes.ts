// The attestation's HTTP route: the page a member opens from the link sent to them
// (links.ts), which signs through GraphQL with the link's token.
import { registerMemberPage } from "../../../http/routes.js";

registerMemberPage("/attest", new URL("./sign-page.html", import.meta.url));
