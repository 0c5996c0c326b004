// The partners module: partner systems and their API keys (admins), and what partners read
// and do with their scopes. How a key becomes a caller is key-cache.ts, wired in server.ts.
import "./queries.js";
import "./mutations.js";
import "./messages.js";
