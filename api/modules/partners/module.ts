// The partners module: partner keys (keys.ts, caller.ts), the limits that protect the service
// from partner callers (limits.ts, wired by yoga.ts) and the partner call log.
import "./limits-messages.js";
import "./calls-queries.js";
import "./key-limit-mutations.js";
