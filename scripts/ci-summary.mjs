// Reads vitest's JSON report and prints the CI's last line, `N passed, N failed[, N skipped]`.
// Exits 1 when a test failed, a test file could not run, vitest reported an error outside
// any test, or no test ran at all: each of those means the run proved nothing.
//
// Usage: node scripts/ci-summary.mjs <vitest-report.json>
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("Usage: node scripts/ci-summary.mjs <vitest-report.json>");
  process.exit(1);
}

if (!existsSync(file)) {
  // Vitest died before writing its report (a crash, a bad config): nothing ran that we know of.
  console.log(`no test report at ${file}: vitest did not finish`);
  console.log("0 passed, 0 failed");
  process.exit(1);
}

const report = JSON.parse(readFileSync(file, "utf8"));
const files = report.testResults ?? [];

// A file that failed before or around its tests (an import error, a failing beforeAll) has
// no failed test of its own; count it as one failure so the last line cannot read "0 failed".
const brokenFiles = files.filter(
  (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
);
for (const f of brokenFiles) {
  const reason = (f.message || "failed outside its tests").split("\n")[0];
  console.log(`file failed to run: ${relative(process.cwd(), f.name)}: ${reason}`);
}

const passed = report.numPassedTests ?? 0;
const failedInFiles = (report.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

// `success` is false also for errors vitest caught outside every test (unhandled rejections):
// counted as one failure, so that the last line, the only one CI reads, does not say "0 failed".
const unexplained = report.success === false && failedInFiles === 0;
if (unexplained) console.log("vitest reported errors outside the tests (see its output above)");
const failed = failedInFiles + (unexplained ? 1 : 0);
if (passed + failed === 0) console.log("no test ran");

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);
