// What every member page (the attestation's signing page, a survey's answer page) does the
// same way, served once at /member-page.js and imported by each page's own module script.
// The token is in the URL's fragment, which browsers never send to the server nor in
// Referer headers.

/** The link's token, as the message carried it. */
export const token = decodeURIComponent(location.hash.slice(1));

/** Whether the token has the shape the API issues (32 random bytes, base64url). */
const tokenLooksValid = /^[A-Za-z0-9_-]{43}$/.test(token);

/** The browser's language when it is English, Arabic otherwise: the member can switch. */
export const browserLanguage = (navigator.language || "ar").startsWith("en") ? "en" : "ar";

export const $ = (id) => document.getElementById(id);

/** One GraphQL operation, answered in the page's language. */
export async function graphql(query, variables, language) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-wasl-csrf": "1",
      "accept-language": language,
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The status line: a message of a kind (`ok`, `problem`, or none), hidden when empty. */
export function show(message, kind) {
  $("status").textContent = message;
  $("status").className = `notice ${kind || ""}`;
  $("status").hidden = !message;
}

/** Turns the page to the language, and the switch's label to the other one. */
export function speak(language, switchTo) {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  $("language").textContent = switchTo;
}

/**
 * What the link opens (the query's one field, asked with the token), or null once the status
 * line said why not: a malformed or unknown link, or a server out of reach.
 */
export async function openLink(query, field, language, words) {
  show(words.loading);
  if (!tokenLooksValid) {
    show(words.invalid, "problem");
    return null;
  }
  try {
    const result = await graphql(query, { token }, language);
    const link = result.data?.[field] ?? null;
    if (!link) show(words.invalid, "problem");
    return link;
  } catch {
    show(words.failed, "problem");
    return null;
  }
}
