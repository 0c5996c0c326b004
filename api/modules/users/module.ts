// The users module: accounts and sign-in; what it adds to the schema and its messages.
import "./queries.js";
import "./mutations.js";
import "./error-types.js";
import "./messages.js";
