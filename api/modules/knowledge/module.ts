// The knowledge base (قاعدة المعرفة): articles in Arabic and English with their revisions,
// Arabic full-text search, the public pages, and links from communications to articles.
// Its types (types.ts) load with its queries.
import "./queries.js";
import "./mutations.js";
import "./messages.js";
import "./routes.js";
