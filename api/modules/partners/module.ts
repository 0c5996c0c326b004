// The partners module: API keys (keys.ts, caller.ts); webhooks — registrations, the
// deliveries a request's change queues, their channel in the delivery worker, the log; the
// limits that protect the service from partner callers (limits.ts, wired by yoga.ts) and the
// partner call log.
import "./webhooks-messages.js";
import "./webhooks.js";
import "./webhooks-delivery.js";
import "./webhooks-types.js";
import "./limits-messages.js";
import "./calls-queries.js";
import "./key-limit-mutations.js";
