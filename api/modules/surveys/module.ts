// The surveys module: definitions, invitations after service and in rounds, the public
// answer page, anonymous-by-design responses, figures and follow-ups.
import "./types.js";
import "./queries.js";
import "./mutations.js";
import "./messages.js";
import "./notifications.js";
import "./routes.js";
import "./after-service.js";
