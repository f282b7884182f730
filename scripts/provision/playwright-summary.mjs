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
          summary.skips.push(`${spec.file} > ${spec.title}: ${annotation?.description || 'skipped without a reason'}`);
        }
      }
    }
  }
  return summary;
}
