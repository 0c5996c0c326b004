// The requests module and its parts (attestation, documents, research): what each adds to
// the schema, its messages, error types, notification parameters and HTTP routes.
import "./queries.js";
import "./mutations.js";
import "./subscriptions.js";
import "./request-types.js";
import "./error-types.js";
import "./transition-error-types.js";
import "./messages.js";
import "./notifications.js";
import "./routes.js";
import "./attestation/queries.js";
import "./attestation/mutations.js";
import "./attestation/messages.js";
import "./attestation/notifications.js";
import "./attestation/routes.js";
import "./documents/mutations.js";
import "./documents/messages.js";
import "./documents/routes.js";
import "./research/mutations.js";
import "./research/messages.js";
