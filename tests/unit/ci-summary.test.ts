// The CI's last line (scripts/ci-summary.mjs), the only one CI reads: it must say "failed"
// whenever the run proved less than it claims, an error outside every test included.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "wasl-ci-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summarise(report: Record<string, unknown>) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(report));
  try {
    return {
      code: 0,
      out: execFileSync("node", ["scripts/ci-summary.mjs", file], { encoding: "utf8" }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
}

const lastLine = (out: string) => out.trim().split("\n").at(-1);
const file = (status: string, results: string[]) => ({
  name: join(process.cwd(), "tests/x.test.ts"),
  status,
  message: "",
  assertionResults: results.map((s) => ({ status: s })),
});

describe("the CI's last line", () => {
  it("counts passed, failed and skipped tests, and exits 0 only when none failed", () => {
    const clean = summarise({
      success: true,
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 1,
      testResults: [file("passed", ["passed", "passed", "passed"])],
    });
    expect(clean).toEqual({
      code: 0,
      out: expect.stringMatching(/3 passed, 0 failed, 1 skipped\n$/),
    });
    const failing = summarise({
      success: false,
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [file("failed", ["passed", "passed", "failed"])],
    });
    expect(failing.code).toBe(1);
    expect(lastLine(failing.out)).toBe("2 passed, 1 failed");
  });

  it("counts an error outside every test (an unhandled rejection) as a failure", () => {
    const result = summarise({
      success: false,
      numPassedTests: 1494,
      numFailedTests: 0,
      testResults: [file("passed", ["passed"])],
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("vitest reported errors outside the tests");
    expect(lastLine(result.out)).toBe("1494 passed, 1 failed");
  });

  it("counts a file that failed outside its tests, and a run with no test, as failures", () => {
    const broken = summarise({
      success: false,
      numPassedTests: 5,
      numFailedTests: 0,
      testResults: [{ ...file("failed", []), message: "Cannot find module" }],
    });
    expect(broken.code).toBe(1);
    expect(lastLine(broken.out)).toBe("5 passed, 1 failed");
    const empty = summarise({
      success: true,
      numPassedTests: 0,
      numFailedTests: 0,
      testResults: [],
    });
    expect(empty.code).toBe(1);
    expect(lastLine(empty.out)).toBe("0 passed, 0 failed");
  });
});
