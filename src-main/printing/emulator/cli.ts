// `npm run printer:emulate [-- --port 9100 --width 80 --out dir]`: a receipt printer on 127.0.0.1 that prints transcripts to the terminal.
// Type online, offline, paper-out, stall or reset (Enter) to change how it behaves.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPrinterEmulator, type EmulatorMode } from './server';
import { transcriptPng } from './preview';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    width: { type: 'string', default: '80' },
    out: { type: 'string' },
    mode: { type: 'string', default: 'online' },
  },
});
const MODES = ['online', 'offline', 'paper-out', 'stall', 'reset'] as const;
const args = z
  .object({
    port: z.coerce.number().int().min(0).max(65_535),
    width: z.enum(['58', '80']),
    out: z.string().optional(),
    mode: z.enum(MODES),
  })
  .parse(values);
const dots = args.width === '58' ? 384 : 576;
let jobNo = 0;

const emulator = await startPrinterEmulator({
  port: args.port,
  mode: args.mode,
  onCapture: (capture) => {
    jobNo += 1;
    console.log(
      `\n===== job ${jobNo}: ${capture.bytes.length} bytes, ${capture.complete ? 'complete' : 'INCOMPLETE'} =====`,
    );
    console.log(capture.lines.join('\n'));
    if (!args.out) return;
    fs.mkdirSync(args.out, { recursive: true });
    const base = path.join(args.out, `job-${String(jobNo).padStart(4, '0')}`);
    fs.writeFileSync(`${base}.bin`, capture.bytes);
    fs.writeFileSync(`${base}.txt`, capture.lines.join('\n') + '\n');
    fs.writeFileSync(`${base}.png`, transcriptPng(capture.entries, dots));
  },
});
console.log(
  `Printer emulator on tcp://127.0.0.1:${emulator.port} (${args.width} mm, ${args.mode}). Type ${MODES.join(' | ')} to change; Ctrl+C to stop.`,
);
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const mode = line.trim() as EmulatorMode;
  if (!(MODES as readonly string[]).includes(mode)) return console.log(`modes: ${MODES.join(', ')}`);
  emulator.setMode(mode);
  console.log(`mode: ${mode}`);
});
process.on('SIGINT', () => void emulator.close().then(() => process.exit(0)));
