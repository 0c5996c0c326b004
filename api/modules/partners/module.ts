// The partners module: partner systems and their API keys (admins), and what partners read
// and do with their scopes (how a key becomes a caller is key-cache.ts, wired in server.ts);
// the requests members share with a partner (shares.ts);
// webhooks — registrations, the deliveries a request's change queues, their channel in the
// delivery worker, the log; the limits that protect the service from partner callers
// (limits.ts, wired by yoga.ts) and the partner call log.
import "./queries.js";
import "./mutations.js";
import "./shares.js";
import "./messages.js";
import "./webhooks-messages.js";
import "./webhooks.js";
import "./webhooks-delivery.js";
import "./webhooks-types.js";
import "./limits-messages.js";
import "./calls-queries.js";
import "./key-limit-mutations.js";
