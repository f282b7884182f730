// The lint rules against tests that pass without testing: expect() on one path only, every() over a maybe-empty list.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function findings(body: string): Promise<string[]> {
  const code = `import { expect, it } from 'vitest';\ndeclare const list: number[];\ndeclare const flag: boolean;\n${body}\n`;
  const [result] = await eslint.lintText(code, { filePath: 'test/example.test.ts' });
  return (result?.messages ?? [])
    .map((message) => message.ruleId ?? message.message)
    .filter((rule) => rule.startsWith('assertions/'));
}

describe('no expect() on one path only', () => {
  it('refuses an expect() inside an if, a catch, `a && …` or one arm of ?:', async () => {
    expect(await findings("it('x', () => { if (flag) expect(list).toEqual([]); });")).toEqual([
      'assertions/no-conditional-expect',
    ]);
    expect(await findings("it('x', () => { try { list.pop(); } catch { expect(flag).toBe(true); } });")).toEqual([
      'assertions/no-conditional-expect',
    ]);
    expect(await findings("it('x', () => { flag && expect(list).toEqual([]); });")).toHaveLength(1);
    expect(await findings("it('x', () => { flag ? expect(list).toEqual([]) : list.pop(); });")).toHaveLength(1);
    expect(
      await findings("it('x', () => { list.forEach((n) => { if (n > 1) expect(n).toBeGreaterThan(0); }); });"),
    ).toHaveLength(1);
  });

  it('accepts a branch on every path of which something is asserted, and matchers that assert nothing', async () => {
    expect(
      await findings("it('x', () => { if (flag) expect(list).toEqual([]); else expect(list).toHaveLength(2); });"),
    ).toEqual([]);
    expect(
      await findings(
        "it('x', () => { for (const n of [1, 2]) { if (n === 1) { expect(n).toBe(1); continue; } expect(n).toBe(2); } });",
      ),
    ).toEqual([]);
    expect(await findings("it('x', () => { expect(list).toEqual(flag ? [expect.any(Number)] : []); });")).toEqual([]);
    expect(await findings("it('x', () => { expect(flag ? 1 : 2).toBe(1); });")).toEqual([]);
  });
});

describe('no every() that an empty list satisfies', () => {
  it('refuses expect(list.every(…)) and expect(list.some(…)).toBe(false) with no non-empty check before', async () => {
    expect(await findings("it('x', () => { expect(list.every((n) => n > 0)).toBe(true); });")).toEqual([
      'assertions/no-vacuous-every',
    ]);
    expect(await findings("it('x', () => { expect(list.some((n) => n < 0)).toBe(false); });")).toHaveLength(1);
    expect(
      await findings("it('x', () => { expect(list).toHaveLength(0); expect(list.every((n) => n > 0)).toBe(true); });"),
    ).toHaveLength(1);
    // A length asserted in another test proves nothing about this one's list.
    expect(
      await findings(
        "it('a', () => { expect(list.length).toBeGreaterThan(0); });\nit('b', () => { expect(list.every((n) => n > 0)).toBe(true); });",
      ),
    ).toHaveLength(1);
  });

  it('accepts them once the list is shown not to be empty, and some(…) expected true', async () => {
    for (const check of [
      'expect(list).toHaveLength(3)',
      'expect(list.length).toBeGreaterThan(0)',
      'expect(list).not.toHaveLength(0)',
    ])
      expect(await findings(`it('x', () => { ${check}; expect(list.every((n) => n > 0)).toBe(true); });`)).toEqual([]);
    expect(await findings("it('x', () => { expect(list.some((n) => n > 0)).toBe(true); });")).toEqual([]);
  });
});
