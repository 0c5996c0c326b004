// Member search, and what it may reveal. Names are matched anywhere (hamza-insensitive). A
// number is matched as a substring only for callers who may read personal data; anyone else
// finds a member only by a complete national ID, mobile or member number (what the front desk
// needs), so that trying prefixes cannot spell out an ID digit by digit, and a lookup by a
// whole national ID or mobile is audited like a reveal: its answer confirms the value.
import { type Db, Prisma } from "../../db/client.js";
import type { Channel, MembershipStatus } from "../../db/generated/enums.js";
import { normaliseArabic, toAsciiDigits } from "../../shared/arabic.js";
import type { PersonalDataRead } from "../audit/personal-data.js";
import { formatMemberNumber, isValidNationalId, normaliseMobile } from "./rules.js";

export type MemberFilter = {
  search?: string | null | undefined;
  status?: MembershipStatus | null | undefined;
  city?: string | null | undefined;
  channel?: Channel | null | undefined;
};

/** Whether the searcher may read national IDs and mobiles (api/auth/policy.ts). */
export type SearchScope = { personalData: boolean };

export type MemberSearch = {
  where: Prisma.MemberWhereInput;
  /** Whole national IDs and mobiles a caller without personal-data access looked up. */
  lookups: { nationalIds: string[]; mobiles: string[] };
};

const numeric = /^[+\d\s\-٠-٩۰-۹]+$/;
const matchesNothing: Prisma.MemberWhereInput = { id: { in: [] } };

/** The Prisma `where` for a member list: search plus filters, and the lookups to audit. */
export function memberSearch(
  filter: MemberFilter | null | undefined,
  scope: SearchScope,
): MemberSearch {
  const where: Prisma.MemberWhereInput = {};
  const lookups: MemberSearch["lookups"] = { nationalIds: [], mobiles: [] };
  if (filter?.status) where.status = filter.status;
  if (filter?.city) where.city = filter.city.trim();
  if (filter?.channel) where.preferredChannel = filter.channel;
  const search = filter?.search?.trim();
  if (!search) return { where, lookups };
  // A number (ID, mobile, member number) is matched without its spaces and dashes.
  const words = numeric.test(search)
    ? [toAsciiDigits(search).replace(/[\s-]/g, "")]
    : normaliseArabic(search).split(" ");
  where.AND = words.map((word) =>
    scope.personalData || !/\d/.test(word)
      ? { searchText: { contains: word } }
      : wholeIdentifier(word, lookups),
  );
  return { where, lookups };
}

/** A word with digits, for a caller who may not read personal data: only a complete value. */
function wholeIdentifier(word: string, lookups: MemberSearch["lookups"]): Prisma.MemberWhereInput {
  const or: Prisma.MemberWhereInput[] = [];
  if (isValidNationalId(word)) {
    or.push({ nationalId: word });
    lookups.nationalIds.push(word);
  }
  const mobile = normaliseMobile(word);
  if (mobile) {
    or.push({ mobile });
    lookups.mobiles.push(mobile);
  }
  // Member numbers are shown to everyone; M-000123, m000123 and 000123 all name one.
  const number = /^(?:m-?)?(\d{6,})$/i.exec(word);
  if (number) or.push({ memberNumber: formatMemberNumber(Number(number[1])) });
  return or.length ? { OR: or } : matchesNothing;
}

/**
 * The personal-data reads a search amounts to: for each member it found by a whole national
 * ID or mobile, that field. Empty (and no query) when nothing was looked up.
 */
export async function lookupReads(db: Db, search: MemberSearch): Promise<PersonalDataRead[]> {
  const { nationalIds, mobiles } = search.lookups;
  if (!nationalIds.length && !mobiles.length) return [];
  const found = await db.member.findMany({
    where: {
      AND: [
        search.where,
        { OR: [{ nationalId: { in: nationalIds } }, { mobile: { in: mobiles } }] },
      ],
    },
    select: { id: true, nationalId: true, mobile: true },
  });
  return found.flatMap((m) => [
    ...(nationalIds.includes(m.nationalId) ? [{ memberId: m.id, field: "nationalId" }] : []),
    ...(mobiles.includes(m.mobile) ? [{ memberId: m.id, field: "mobile" }] : []),
  ]);
}

/**
 * The members `where` matches, counted up to `cap`, in one statement. Prisma's `count` with
 * `take` orders the rows by ID before its LIMIT, so PostgreSQL walks the primary key and
 * rechecks every member until `cap` match (34–72 ms for «محمد» on 100k members, more than
 * the exact count) instead of stopping at the cap on the trigram index (5 ms). The statement
 * is `where` itself, rendered by memberWhereSql.
 */
export async function countMembersUpTo(
  db: Db,
  where: Prisma.MemberWhereInput,
  cap: number,
): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM (SELECT 1 FROM "Member" WHERE ${memberWhereSql(where)} LIMIT ${cap}) AS matched`;
  return row?.n ?? 0;
}

const text = (value: unknown): string => {
  if (typeof value !== "string") throw new Error(`memberWhereSql: not a text: ${String(value)}`);
  return value;
};

/**
 * A member list's `where` as SQL, with Prisma's meaning (`contains` is LIKE without escaping,
 * as Prisma sends it). Only the shapes memberSearch builds: any other fails loudly rather
 * than count something else than the page shows.
 */
export function memberWhereSql(where: Prisma.MemberWhereInput): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === "AND" || key === "OR") {
      const list = (Array.isArray(value) ? value : [value]) as Prisma.MemberWhereInput[];
      const subs = list.map((sub) => Prisma.sql`(${memberWhereSql(sub)})`);
      if (key === "OR") parts.push(subs.length ? Prisma.join(subs, " OR ") : Prisma.sql`false`);
      else parts.push(...subs);
    } else if (key === "searchText") {
      const { contains, ...rest } = value as { contains?: unknown };
      if (Object.keys(rest).length)
        throw new Error("memberWhereSql: searchText other than contains");
      parts.push(Prisma.sql`"searchText" LIKE ('%' || ${text(contains)} || '%')`);
    } else if (key === "status") {
      parts.push(Prisma.sql`"status" = ${text(value)}::"MembershipStatus"`);
    } else if (key === "preferredChannel") {
      parts.push(Prisma.sql`"preferredChannel" = ${text(value)}::"Channel"`);
    } else if (
      key === "city" ||
      key === "nationalId" ||
      key === "mobile" ||
      key === "memberNumber"
    ) {
      parts.push(Prisma.sql`${Prisma.raw(`"${key}"`)} = ${text(value)}`);
    } else if (key === "id" && value === matchesNothing.id) {
      parts.push(Prisma.sql`false`);
    } else {
      throw new Error(`memberWhereSql: no SQL for ${key}`);
    }
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}
