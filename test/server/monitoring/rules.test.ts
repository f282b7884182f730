// The monitoring/ folder: promtool accepts the alert rules and passes their unit tests, and the rules and the Grafana
// dashboard only ask for metrics the server really exports.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../server/monitoring/metrics';

const MONITORING = path.resolve('monitoring');
const promtool = spawnSync('promtool', ['--version']).status === 0;
const NO_PROMTOOL = 'promtool is not installed (Debian package "prometheus"; npm test installs it where it can)';

function promtoolRun(args: string[]): string {
  return execFileSync('promtool', args, { cwd: path.resolve('.'), encoding: 'utf8', timeout: 60_000 });
}

const ruleFiles = fs
  .readdirSync(MONITORING)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => path.join('monitoring', name));

describe('monitoring folder', () => {
  it('promtool check rules accepts every rules file', ({ skip }) => {
    skip(!promtool, NO_PROMTOOL);
    expect(ruleFiles.length).toBeGreaterThan(0);
    expect(promtoolRun(['check', 'rules', ...ruleFiles])).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('the alert rules pass their promtool unit tests (silent counter, old backup, sync errors, slow p99)', ({
    skip,
  }) => {
    skip(!promtool, NO_PROMTOOL);
    const tests = fs.readdirSync(path.join(MONITORING, 'tests')).map((name) => path.join('monitoring', 'tests', name));
    expect(promtoolRun(['test', 'rules', ...tests])).toContain('SUCCESS');
  });

  it('the example Prometheus configuration is valid', ({ skip }) => {
    skip(!promtool, NO_PROMTOOL);
    expect(promtoolRun(['check', 'config', 'monitoring/prometheus.example.yaml'])).toContain(
      'is valid prometheus config file syntax',
    );
  });

  it('the rules and the dashboard use only metrics the server exports', async () => {
    const exported = new Set(
      (await registry.getMetricsAsJSON()).flatMap((metric) =>
        String(metric.type) === 'histogram'
          ? ['_bucket', '_count', '_sum'].map((suffix) => metric.name + suffix)
          : [metric.name],
      ),
    );
    const dashboard = JSON.parse(fs.readFileSync(path.join(MONITORING, 'grafana', 'galla-server.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const expressions = [
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
      ...ruleFiles.map((file) => fs.readFileSync(file, 'utf8')),
    ];
    const used = new Set(expressions.flatMap((text) => text.match(/\bgalla_[a-z_]+\b/g) ?? []));
    expect(used.size).toBeGreaterThan(8);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
  });
});
