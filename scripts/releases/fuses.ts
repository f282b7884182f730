// Electron's fuses for Galla: what electron-builder.yml must ask for (its `electronFuses`, flipped into the binary at
// packing time), and the check of a built binary's fuse wire with @electron/fuses' getCurrentFuseWire, which the
// release command runs on the unpacked app electron-builder leaves beside the installers.
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { UpdatePlatform } from '../../src-shared/updates/feed';

/** electron-builder's names for the fuses (FuseOptionsV1) and their place in Electron's fuse wire. */
const FUSE_INDEX = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const;
type FuseName = keyof typeof FUSE_INDEX;

/** A fuse's byte in the wire, as @electron/fuses' FuseState has it (not exported from its entry point): ASCII 1 and 0. */
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

/**
 * What a Galla binary must have: no running as plain Node (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS, no --inspect, and
 * only the app's own asar, checked against the hash electron-builder embeds (Windows and macOS; Linux has no asar
 * integrity in Electron yet, so there onlyLoadAppFromAsar is what stops a loose app folder being loaded).
 */
export const REQUIRED_FUSES: Partial<Record<FuseName, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
};

const entries = <T>(record: Partial<Record<FuseName, T>>) => Object.entries(record) as [FuseName, T][];

/** What is wrong with electron-builder.yml's electronFuses, one line each; empty when it asks for every required fuse. */
export function fuseConfigProblems(config: Record<string, unknown>): string[] {
  const fuses = config.electronFuses as Partial<Record<FuseName, unknown>> | undefined;
  if (!fuses || typeof fuses !== 'object')
    return ['electronFuses is missing: the build would keep Electron’s defaults'];
  return entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => fuses[name] !== wanted)
    .map(([name, wanted]) => `electronFuses.${name} must be ${wanted}`);
}

/** The fuses of a built Electron binary that differ from what Galla requires; empty when all are as required. */
export async function binaryFuseProblems(binary: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  return entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => wire[FUSE_INDEX[name]] !== (wanted ? FUSE_ON : FUSE_OFF))
    .map(([name, wanted]) => `${path.basename(binary)}: fuse ${name} is not ${wanted ? 'on' : 'off'}`);
}

/** The app binaries electron-builder left unpacked in its output folder (linux-unpacked/galla, win-unpacked/Galla.exe). */
export function unpackedBinaries(outputDir: string, platforms: readonly UpdatePlatform[]): string[] {
  const candidates: Record<UpdatePlatform, string> = {
    linux: path.join(outputDir, 'linux-unpacked', 'galla'),
    win: path.join(outputDir, 'win-unpacked', 'Galla.exe'),
  };
  return platforms.map((platform) => candidates[platform]).filter((file) => fs.existsSync(file));
}
