// The communications log: what it adds to the schema and its messages. Its types (types.ts)
// load with its mutations; other modules may import them (the knowledge base adds `articles`).
import "./mutations.js";
import "./messages.js";
import "./letter-types.js";
import "./letter-routes.js";
