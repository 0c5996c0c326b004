// The dashboard module: its queries.
import "./queries.js";
