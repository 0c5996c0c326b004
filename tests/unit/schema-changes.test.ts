// The schema's compatibility promise: schema.graphql never breaks a client of the last
// release (schema/releases/) unless the changelog announces it; deprecate instead.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  announcedBreaking,
  changelogFile,
  lastRelease,
  unannouncedBreakingChanges,
} from "../../scripts/schema-changes.js";

const released = `
"""A member."""
type Member {
  """Global ID."""
  id: ID!
  """Full name."""
  fullName: String!
  """Mobile."""
  mobile: String
}
"""Its status."""
enum Status {
  """Active."""
  ACTIVE
}
"""Reads."""
type Query {
  """A member."""
  member(id: ID!): Member
  """A status."""
  status: Status
}
`;

const changelogWith = (...bullets: string[]) =>
  `# Schema changelog\n\n## Unreleased\n\n### Breaking\n\n${bullets.map((b) => `- ${b}`).join("\n")}\n\n### Added\n\n- \`Query.other\`: something.\n\n## 2026-12-03\n\n### Breaking\n\n- \`Query.member\`: old news.\n`;

describe("schema.graphql against the last release", () => {
  it("breaks nothing the changelog does not announce", async () => {
    const release = lastRelease();
    const unannounced = await unannouncedBreakingChanges(
      release.sdl,
      readFileSync("schema.graphql", "utf8"),
      readFileSync(changelogFile, "utf8"),
    );
    expect(
      unannounced.map((change) => `${change.path}: ${change.message}`),
      `Breaking changes since ${release.name}: deprecate instead, or announce each under "## Unreleased / ### Breaking" in ${changelogFile}`,
    ).toEqual([]);
  });
});

describe("the breaking-change check", () => {
  const withoutMobile = released.replace(/ {2}"""Mobile\."""\n {2}mobile: String\n/, "");

  it("fails on a removed field that is not announced", async () => {
    const unannounced = await unannouncedBreakingChanges(released, withoutMobile, changelogWith());
    expect(unannounced.map((c) => c.path)).toEqual(["Member.mobile"]);
  });

  it("passes on the same removal once announced for the next release", async () => {
    const changelog = changelogWith("`Member.mobile`: removed, read `Member.phone`.");
    expect(await unannouncedBreakingChanges(released, withoutMobile, changelog)).toEqual([]);
  });

  it("does not take an announcement of an earlier release for the next one", async () => {
    const removedMember = released.replace(
      / {2}"""A member\."""\n {2}member\(id: ID!\): Member\n/,
      "",
    );
    const unannounced = await unannouncedBreakingChanges(released, removedMember, changelogWith());
    expect(unannounced.map((c) => c.path)).toEqual(["Query.member"]);
  });

  it("passes on a deprecation, an added field and an added enum value (safe or dangerous)", async () => {
    const evolved = released
      .replace(
        "mobile: String",
        'mobile: String @deprecated(reason: "Read `phone`.")\n  """Phone."""\n  phone: String',
      )
      .replace("ACTIVE\n", 'ACTIVE\n  """Ended."""\n  ENDED\n');
    expect(await unannouncedBreakingChanges(released, evolved, changelogWith())).toEqual([]);
  });

  it("reads the announced paths of the next release only", () => {
    expect([...announcedBreaking(changelogWith("`A.b`: gone.", "`C.d`: renamed."))]).toEqual([
      "A.b",
      "C.d",
    ]);
  });
});
