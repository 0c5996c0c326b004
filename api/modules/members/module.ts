// The members module: what it adds to the schema, its messages and its HTTP routes.
import "./queries.js";
import "./mutations.js";
import "./subscriptions.js";
import "./case-file.js";
import "./messages.js";
import "./routes.js";
