// The committee module (policy step 5): sessions, agenda, attendance, votes, recusals,
// decisions and minutes, and the live room — what it adds to the schema and its messages.
import "./types.js";
import "./error-types.js";
import "./queries.js";
import "./mutations.js";
import "./subscriptions.js";
import "./messages.js";
