// The audit module: the audit log's queries.
import "./queries.js";
