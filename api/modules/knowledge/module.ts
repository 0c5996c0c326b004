// The knowledge base (قاعدة المعرفة): articles in Arabic and English with their revisions,
// Arabic full-text search, the public pages, and links from communications to articles.
import "./types.js";
import "./queries.js";
import "./mutations.js";
import "./messages.js";
import "./routes.js";
