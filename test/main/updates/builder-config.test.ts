// electron-builder.yml against electron-builder's own JSON schema, and the choices the installers must keep.
import { describe, expect, it } from 'vitest';
import { builderConfigProblems, loadBuilderConfig } from '../../../scripts/releases/builder-config';

const config = loadBuilderConfig() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('electron-builder.yml', () => {
  it("passes electron-builder's JSON schema (app-builder-lib/scheme.json)", () => {
    expect(builderConfigProblems(config)).toEqual([]);
  });

  it('the schema check can fail: a misspelt option and a wrong type are caught', () => {
    expect(builderConfigProblems({ ...config, nsis: { ...config.nsis, oneclick: false } }).join('\n')).toMatch(
      /oneclick/,
    );
    expect(builderConfigProblems({ ...config, asar: 'yes' })).not.toEqual([]);
  });

  it('builds a Windows x64 NSIS installer that offers a per-machine install and a desktop shortcut', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      createDesktopShortcut: 'always',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a Linux AppImage and .deb, with the app icon and no file associations', () => {
    expect(config.linux.target.map((target: { target: string }) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.icon).toBe('build/icon.png');
    expect(config.fileAssociations).toEqual([]);
  });

  it('packs into asar with better-sqlite3 unpacked, rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('publishes a generic feed and always names it latest*.yml (the channel is the server folder)', () => {
    expect(config.publish).toEqual([
      expect.objectContaining({ provider: 'generic', url: '${env.GALLA_UPDATE_SERVER}/updates/stable' }),
    ]);
    expect(config.detectUpdateChannel).toBe(false);
  });

  it('keeps signing secrets out of the file: they come from the environment, and unsigned builds are allowed', () => {
    const text = JSON.stringify(config);
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'publisherName'])
      expect(text).not.toContain(`"${key}"`);
    expect(config.forceCodeSigning).toBe(false);
  });
});
