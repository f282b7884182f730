// Types of playwright-summary.mjs, for its test.
export interface PlaywrightSummary {
  passed: number;
  failed: number;
  skipped: number;
  skips: string[];
}
export function playwrightSummary(report: unknown): PlaywrightSummary;
