// The notifications module: the outbox (what it adds to the schema, its messages); its
// delivery worker is started by the server (server.ts) or `npm run worker`.
import "./types.js";
import "./error-types.js";
import "./queries.js";
import "./mutations.js";
import "./messages.js";
import "./template-types.js";
import "./preferences.js";
import "./bell.js";
import "./subscriptions.js";
