// The kb-search bench's data: 10,000 articles of 150–300 words (half PUBLIC, all published)
// written from the policy's vocabulary (the demo articles' words) with a fixed seed, so that a
// query word such as «الإقرار» is in a few per cent of them, as a common word would be.
import type { PrismaClient } from "../../api/db/client.js";
import { articleSearchColumns } from "../../api/modules/knowledge/commands.js";
import { seedArticles } from "../../prisma/seed/knowledge.js";

/** What the bench searches for, typed without hamza as people do. */
export const kbSearchText = "الاقرار";

export const kbSearchQuery = `{ articles(first: 20, filter: { search: "${kbSearchText}" }) { totalCount edges { node { id slug titleAr category } } } }`;

const categories = ["BYLAWS", "DUTIES_REGULATION", "FAQ", "MISCONCEPTION", "PROCEDURE"] as const;

/** Inserts `count` articles (the database trigger fills their search vectors). */
export async function seedKbArticles(prisma: PrismaClient, count = 10_000): Promise<number> {
  const vocabulary = [
    ...new Set(
      seedArticles
        .flatMap((a) => `${a.titleAr} ${a.bodyAr}`.split(/[^\p{L}]+/u))
        .filter((w) => w.length > 2 && !w.includes("إقرار")),
    ),
  ];
  let seed = 2026;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  // Zipf-like: a few words are everywhere, most are rare.
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      const titleAr = `${words(3 + Math.floor(random() * 4))}${random() < 0.005 ? " الإقرار" : ""}`;
      const bodyAr = Array.from(
        { length: 10 },
        () => `${words(15 + Math.floor(random() * 15))}${random() < 0.004 ? " الإقرار" : ""}.`,
      ).join(" ");
      const text = { titleAr, titleEn: null, bodyAr, bodyEn: null };
      return {
        ...text,
        ...articleSearchColumns(text),
        slug: `bench-${i}`,
        category: categories[i % categories.length]!,
        audience: i % 2 ? ("STAFF" as const) : ("PUBLIC" as const),
        status: "PUBLISHED" as const,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      };
    });
    await prisma.article.createMany({ data: rows });
  }
  return count;
}
