// Electron's fuses: electron-builder.yml asks for them (and electron-builder's schema accepts how), and the release
// command's check reads a binary's fuse wire with @electron/fuses. No Electron binary can be built here, so the check
// runs on files carrying a fuse wire laid out as Electron's (its sentinel, version 1, length, one byte per fuse).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builderConfigProblems, loadBuilderConfig } from '../../../scripts/releases/builder-config';
import { binaryFuseProblems, fuseConfigProblems, unpackedBinaries } from '../../../scripts/releases/fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const config = loadBuilderConfig();

/** A file with Electron's fuse wire in it, fuses in wire order (runAsNode, cookie encryption, NODE_OPTIONS, …). */
function binaryWithFuses(fuses: string, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-fuses-')), name = 'galla') {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, fuses.length]), Buffer.from(fuses)]);
  fs.writeFileSync(file, Buffer.concat([randomBytes(4096), wire, randomBytes(4096)]));
  return file;
}

describe("Electron's fuses", () => {
  it('electron-builder.yml turns off running as Node, NODE_OPTIONS and --inspect, and loads only the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(fuseConfigProblems(config)).toEqual([]);
    expect(builderConfigProblems(config)).toEqual([]);
  });

  it('the config check catches a fuse left on or missing, and the schema a misspelt one', () => {
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuseConfigProblems({ ...config, electronFuses: { ...fuses, runAsNode: true } })).toEqual([
      'electronFuses.runAsNode must be false',
    ]);
    expect(fuseConfigProblems({ ...config, electronFuses: undefined })).toHaveLength(1);
    expect(builderConfigProblems({ ...config, electronFuses: { ...fuses, runAsnode: false } }).join('\n')).toMatch(
      /runAsnode/,
    );
  });

  it("a built binary's fuse wire is read back: all as required passes, one left on is named", async () => {
    // Wire order: runAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity, only asar, V8 snapshot, file:// extras.
    expect(await binaryFuseProblems(binaryWithFuses('00001101'))).toEqual([]);
    expect(await binaryFuseProblems(binaryWithFuses('10001101'))).toEqual(['galla: fuse runAsNode is not off']);
    expect(await binaryFuseProblems(binaryWithFuses('00010001'))).toEqual([
      'galla: fuse enableNodeCliInspectArguments is not off',
      'galla: fuse onlyLoadAppFromAsar is not on',
      'galla: fuse enableEmbeddedAsarIntegrityValidation is not on',
    ]);
  });

  it('finds the unpacked apps electron-builder leaves beside the installers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-release-'));
    expect(unpackedBinaries(dir, ['linux', 'win'])).toEqual([]);
    const linux = binaryWithFuses('00001101', dir, 'linux-unpacked/galla');
    expect(unpackedBinaries(dir, ['linux', 'win'])).toEqual([linux]);
  });
});
