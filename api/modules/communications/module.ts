// The communications log: what it adds to the schema and its messages.
import "./types.js";
import "./mutations.js";
import "./messages.js";
import "./letter-types.js";
