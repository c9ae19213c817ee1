/**
 * Prints one closing line for the whole test command, `tests: N passed, N failed`, from the
 * JSON reports vitest and Playwright wrote to reports/ (the Playwright run under /recall/ too).
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
}

function vitestCounts(path: string): Counts {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(path: string): Counts {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

const reports: [string, (path: string) => Counts][] = [
  ['reports/vitest.json', vitestCounts],
  ['reports/playwright.json', playwrightCounts],
  ['reports/playwright-base.json', playwrightCounts],
];
const total: Counts = { passed: 0, failed: 0 };
for (const [path, read] of reports) {
  if (!existsSync(path)) {
    console.error(`test-summary: ${path} is missing: did that test run?`);
    process.exitCode = 1;
    continue;
  }
  const counts = read(path);
  total.passed += counts.passed;
  total.failed += counts.failed;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
if (total.failed) process.exitCode = 1;
