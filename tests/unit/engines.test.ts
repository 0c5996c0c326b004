// Every installed package must support the Node the README names (package.json `engines`):
// `npm ci` on that Node then prints no EBADENGINE warning, and nothing runs on a Node its
// authors never promised to support.
import { readFileSync } from "node:fs";
import { minVersion, satisfies } from "semver";
import { describe, expect, it } from "vitest";

type LockedPackage = { version?: string; engines?: { node?: string } | string[] };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, LockedPackage>;
};
const ours = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };

describe("Node engines", () => {
  const oldestNode = minVersion(ours.engines.node);

  it("package.json names the Node range this machine runs", () => {
    expect(oldestNode).not.toBeNull();
    expect(satisfies(process.version, ours.engines.node)).toBe(true);
  });

  it("every locked package supports the oldest Node we promise", () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path]) => path !== "")
      .flatMap(([path, pkg]) => {
        const range = !pkg.engines || Array.isArray(pkg.engines) ? undefined : pkg.engines.node;
        return range && !satisfies(oldestNode?.version ?? "0.0.0", range)
          ? [`${path.replace(/^.*node_modules\//, "")}@${pkg.version}: node ${range}`]
          : [];
      });
    expect(unsupported).toEqual([]);
  });
});
