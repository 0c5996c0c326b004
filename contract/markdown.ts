// The knowledge base's Markdown, rendered to HTML by the API's public pages and the panel's
// preview alike: a safe subset, written here so both show the same thing. Every character of
// the source is escaped first, so no raw HTML passes; only the markup below produces tags,
// and a link keeps only an http(s) or site-relative address. Part of the contract (README.md).
//
// Blocks: `#`…`###` headings, paragraphs, `-`/`*` and `1.` lists, `>` quotes.
// Inline: **bold**, *italic* or _italic_, `code`, [text](https://… or /…).

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const safeAddress = /^(?:https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/i;

/** Inline markup of one escaped line; code spans are set aside first so nothing inside them changes. */
function inline(source: string): string {
  const codes: string[] = [];
  let text = escapeText(source).replace(/`([^`]+)`/g, (_m, code: string) => {
    codes.push(code);
    return `\uE000${codes.length - 1}\uE000`;
  });
  text = text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, address: string) => {
      // The address was escaped with the rest: compare and print it as the reader will see it.
      const raw = address.replace(/&amp;/g, "&");
      return safeAddress.test(raw) ? `<a href="${escapeText(raw)}">${label}</a>` : whole;
    })
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/(^|[^_\w])_([^_\s][^_]*)_/g, "$1<em>$2</em>");
  return text.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => `<code>${codes[Number(i)]}</code>`);
}

type Block = { kind: "p" | "ul" | "ol" | "blockquote"; lines: string[] };

/** The article's Markdown as HTML (a fragment: headings, paragraphs, lists, quotes). */
export function renderMarkdown(markdown: string): string {
  const out: string[] = [];
  let block: Block | undefined;
  const close = () => {
    if (!block) return;
    if (block.kind === "ul" || block.kind === "ol")
      out.push(
        `<${block.kind}>${block.lines.map((l) => `<li>${inline(l)}</li>`).join("")}</${block.kind}>`,
      );
    else out.push(`<${block.kind}>${block.lines.map(inline).join("<br>")}</${block.kind}>`);
    block = undefined;
  };
  const add = (kind: Block["kind"], line: string) => {
    if (block?.kind !== kind) {
      close();
      block = { kind, lines: [] };
    }
    block.lines.push(line);
  };
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (!line) close();
    else if (heading) {
      close();
      // Level 1 is the page's own title: an article's headings start at h2.
      const level = heading[1]!.length + 1;
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (bullet) add("ul", bullet[1]!);
    else if (numbered) add("ol", numbered[1]!);
    else if (quote) add("blockquote", quote[1]!);
    else add("p", line);
  }
  close();
  return out.join("\n");
}

/** The article's text without its markup: for search snippets and page descriptions. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, "$1")
    .replace(/^\s*(?:#{1,6}|[-*]|\d+[.)]|>)\s+/gm, "")
    .replace(/\*\*|__|[*_]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
