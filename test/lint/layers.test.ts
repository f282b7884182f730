// The layer rule: each folder may import only what can run where that folder runs.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('the layer rule', () => {
  it('src-shared may not import Node built-ins, Electron or the counter app', async () => {
    expect(
      await restrictedImports('src-shared/example.ts', "import fs from 'node:fs';\nexport const x = fs;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('src-shared/example.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src-shared/example.ts',
        "import { openLedger } from '../src-main/ledger/ledger';\nexport const x = openLedger;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src-shared/example.ts',
        "import { divRound } from './money';\nexport const x = divRound;\n",
      ),
    ).toEqual([]);
  });

  it('ledger code in src-main may not import Electron; src-main/electron may', async () => {
    expect(
      await restrictedImports('src-main/ledger/example.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'src-main/electron/example.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });

  it('the renderer may only import types from src-main, and never Node', async () => {
    expect(
      await restrictedImports(
        'src-renderer/example.ts',
        "import type { AppRouter } from '../src-main/trpc/app-router';\nexport type X = AppRouter;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'src-renderer/example.ts',
        "import { appRouter } from '../src-main/trpc/app-router';\nexport const x = appRouter;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('src-renderer/example.ts', "import path from 'node:path';\nexport const x = path;\n"),
    ).toHaveLength(1);
  });

  it('the server never imports the counter app', async () => {
    expect(
      await restrictedImports(
        'server/example.ts',
        "import { openLedger } from '../src-main/ledger/ledger';\nexport const x = openLedger;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'server/example.ts',
        "import type { AppRouter } from '../src-main/trpc/app-router';\nexport type X = AppRouter;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'server/example.ts',
        "import { divRound } from '../src-shared/money';\nexport const x = divRound;\n",
      ),
    ).toEqual([]);
  });
});
