// The schema's breaking-change check: what changed between the last release's schema
// (schema/releases/) and schema.graphql, by @graphql-inspector's rules, and which breaking
// changes the changelog (docs/schema-changelog.md) does not announce. A partner's client
// built on a release keeps working unless a change was announced there first.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export const releasesDir = "schema/releases";
export const changelogFile = "docs/schema-changelog.md";

/** The last release's schema file: releases are named by date (YYYY-MM-DD.graphql). */
export function lastRelease(dir = releasesDir): { name: string; sdl: string } {
  const names = readdirSync(dir)
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.graphql$/.test(name))
    .sort();
  const name = names.at(-1);
  if (!name) throw new Error(`No released schema in ${dir}`);
  return { name, sdl: readFileSync(join(dir, name), "utf8") };
}

/** Every change from one schema to the other, with its criticality. */
export function schemaChanges(before: string, after: string): Promise<Change[]> {
  return diff(buildSchema(before), buildSchema(after));
}

/**
 * The paths (e.g. `Member.nationalId`) the changelog announces as breaking for the next
 * release: the bullets of `### Breaking` under `## Unreleased`, each starting with the path in
 * backticks.
 */
export function announcedBreaking(changelog: string): Set<string> {
  const unreleased = changelog.split(/^## /m).find((section) => section.startsWith("Unreleased"));
  const breaking = unreleased?.split(/^### /m).find((section) => section.startsWith("Breaking"));
  const paths = [...(breaking ?? "").matchAll(/^[-*] `([^`]+)`/gm)].map((match) => match[1]!);
  return new Set(paths);
}

/** The breaking changes the changelog does not announce: each must be, or be a deprecation. */
export async function unannouncedBreakingChanges(
  before: string,
  after: string,
  changelog: string,
): Promise<Change[]> {
  const announced = announcedBreaking(changelog);
  return (await schemaChanges(before, after)).filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking &&
      !(change.path && announced.has(change.path)),
  );
}
