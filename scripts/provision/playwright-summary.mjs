// Counts of a Playwright JSON report, and each skipped test with the reason its skip annotation gives.

function* specsOf(suite) {
  yield* suite.specs ?? [];
  for (const child of suite.suites ?? []) yield* specsOf(child);
}

export function playwrightSummary(report) {
  const summary = { passed: 0, failed: 0, skipped: 0, skips: [] };
  for (const suite of report.suites ?? []) {
    for (const spec of specsOf(suite)) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'flaky') summary.passed += 1;
        else if (test.status === 'unexpected') summary.failed += 1;
        else {
          summary.skipped += 1;
          const annotation = (test.annotations ?? []).find((note) => note.type === 'skip');
          // A serial group stops at its first failing step; Playwright reports the steps after it as skipped with no
          // annotation and no run of their own.
          const neverRan = !annotation && (test.results ?? []).every((result) => result.status === 'skipped');
          const reason =
            annotation?.description ||
            (neverRan ? 'did not run: an earlier step of its serial group failed' : 'skipped without a reason');
          summary.skips.push(`${spec.file} > ${spec.title}: ${reason}`);
        }
      }
    }
  }
  return summary;
}
