// The partners module: API keys (keys.ts, caller.ts) and webhooks — registrations, the
// deliveries a request's change queues, their channel in the delivery worker, the log.
import "./webhooks-messages.js";
import "./webhooks.js";
import "./webhooks-delivery.js";
import "./webhooks-types.js";
