// What the panel shares with the API comes from one place, contract/, never from API source:
// no file under admin/src imports from api/, the contract imports nothing (so both sides can),
// and the contract's value lists are the database's enums exactly.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ArticleAudience,
  ArticleCategory,
  ArticleStatus,
  Channel,
  DocumentKind,
  MembershipStatus,
  RequestStatus,
  RequestTypeCode,
  Role,
} from "../../api/db/generated/enums.js";
import type * as ApiDashboard from "../../api/modules/dashboard/service.js";
import type { CountBy, DashboardFigures } from "../../contract/dashboard.js";
import {
  articleAudiences,
  articleCategories,
  articleCategoryLabels,
  articleStatuses,
} from "../../contract/knowledge.js";
import { channelLabels, membershipStatusLabels } from "../../contract/labels.js";
import { roles } from "../../contract/permissions.js";
import {
  documentKinds,
  intakeChannels,
  requestStatuses,
  requestTypeCodes,
} from "../../contract/requests.js";

const root = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(ts|tsx|mts|js|mjs)$/.test(name))
    .map((name) => join(dir, name));
}

/** Every module specifier a file names: static imports and exports, and dynamic imports. */
function specifiers(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const found: string[] = [];
  for (const pattern of [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ]) {
    for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  }
  return found;
}

/** Where a relative specifier points, from the root; bare (package) specifiers are left alone. */
const target = (file: string, specifier: string) =>
  specifier.startsWith(".") ? relative(root, resolve(root, dirname(file), specifier)) : specifier;

describe("the panel's contract with the API", () => {
  it("is never an import of API source from the panel", () => {
    const crossings = sourceFiles("admin/src").flatMap((file) =>
      specifiers(file)
        .map((s) => target(file, s))
        .filter((t) => t === "api" || t.startsWith("api/"))
        .map((t) => `${file} → ${t}`),
    );
    expect(sourceFiles("admin/src").length).toBeGreaterThan(20);
    expect(crossings).toEqual([]);
  });

  it("imports nothing, so the API and the panel can both import it", () => {
    const imports = sourceFiles("contract").flatMap((file) =>
      specifiers(file)
        .map((s) => target(file, s))
        .filter((t) => !t.startsWith("contract/"))
        .map((t) => `${file} → ${t}`),
    );
    expect(imports).toEqual([]);
  });

  it("lists exactly the database's values", () => {
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(sorted(roles)).toEqual(sorted(Object.values(Role)));
    expect(sorted(requestStatuses)).toEqual(sorted(Object.values(RequestStatus)));
    expect(sorted(requestTypeCodes)).toEqual(sorted(Object.values(RequestTypeCode)));
    expect(sorted(documentKinds)).toEqual(sorted(Object.values(DocumentKind)));
    expect(sorted(articleCategories)).toEqual(sorted(Object.values(ArticleCategory)));
    expect(sorted(articleAudiences)).toEqual(sorted(Object.values(ArticleAudience)));
    expect(sorted(articleStatuses)).toEqual(sorted(Object.values(ArticleStatus)));
    for (const labels of Object.values(articleCategoryLabels))
      expect(sorted(Object.keys(labels))).toEqual(sorted(articleCategories));
    // Staff take requests in on every channel but a partner's own.
    expect(sorted([...intakeChannels, "PARTNER"])).toEqual(sorted(Object.values(Channel)));
    for (const locale of ["ar", "en"] as const) {
      expect(sorted(Object.keys(channelLabels[locale]))).toEqual(sorted(Object.values(Channel)));
      expect(sorted(Object.keys(membershipStatusLabels[locale]))).toEqual(
        sorted(Object.values(MembershipStatus)),
      );
    }
  });
});

describe("the dashboard's figures", () => {
  it("are the shape the API computes (checked by the typecheck)", () => {
    // Until the dashboard's service imports the contract's type itself, drift fails `tsc`.
    expectTypeOf<ApiDashboard.DashboardFigures>().toEqualTypeOf<DashboardFigures<Date>>();
    expectTypeOf<ApiDashboard.CountBy>().toEqualTypeOf<CountBy>();
  });
});
