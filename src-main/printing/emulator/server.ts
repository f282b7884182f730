// A network receipt printer on 127.0.0.1 for tests and development: captures each job's bytes, answers status, and can misbehave on purpose.
//
// Modes: online (prints, closes after the job's end-of-stream like a 9100 server), offline and paper-out
// (answers DLE EOT with those states and prints nothing), stall (answers status, then stops reading after
// `stallAfterBytes` job bytes and never closes: the partly printed receipt of a jammed or dying printer), reset (answers
// status, then resets the connection after `stallAfterBytes` job bytes: a printer losing power or its cable mid-receipt).
// close() refuses connections; listen() takes them again on the same port.
import net from 'node:net';
import { decodeEscPos, transcriptLines, type TranscriptEntry } from './decode';

export type EmulatorMode = 'online' | 'offline' | 'paper-out' | 'stall' | 'reset';

export interface Capture {
  bytes: Buffer;
  /** The job reached its end-of-stream and was printed whole; false for a stalled or broken-off job. */
  complete: boolean;
  entries: TranscriptEntry[];
  lines: string[];
}

export interface PrinterEmulator {
  readonly port: number;
  readonly captures: Capture[];
  /** Jobs that arrived while offline or out of paper: received, not printed. */
  readonly discarded: number;
  setMode(mode: EmulatorMode, options?: { stallAfterBytes?: number }): void;
  listen(): Promise<void>;
  close(): Promise<void>;
}

const FIXED = 0x12;
const STATUS: Record<EmulatorMode, { printer: number; paper: number }> = {
  online: { printer: FIXED, paper: FIXED },
  stall: { printer: FIXED, paper: FIXED },
  reset: { printer: FIXED, paper: FIXED },
  offline: { printer: FIXED | 0x08, paper: FIXED },
  'paper-out': { printer: FIXED | 0x08, paper: FIXED | 0x60 },
};

export async function startPrinterEmulator(
  options: {
    port?: number;
    mode?: EmulatorMode;
    stallAfterBytes?: number;
    onCapture?: (capture: Capture) => void;
  } = {},
): Promise<PrinterEmulator> {
  let mode: EmulatorMode = options.mode ?? 'online';
  let stallAfterBytes = options.stallAfterBytes ?? 64;
  const captures: Capture[] = [];
  const sockets = new Set<net.Socket>();
  let discarded = 0;
  const record = (bytes: Buffer, complete: boolean) => {
    const entries = decodeEscPos(bytes);
    const capture = { bytes, complete, entries, lines: transcriptLines(entries) };
    captures.push(capture);
    options.onCapture?.(capture);
  };

  // allowHalfOpen: the emulator, like a printer, decides itself when to close; a stalled one never does.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const modeAtConnect = mode;
    const chunks: Buffer[] = [];
    let jobBytes = 0;
    let stalled = false;
    let done = false;
    socket.on('data', (chunk) => {
      let job = chunk;
      // Real-time status queries (DLE EOT n) are answered at once and are not part of the job.
      for (let at = job.indexOf(0x10); at >= 0 && job[at + 1] === 0x04; at = job.indexOf(0x10)) {
        const status = STATUS[modeAtConnect];
        socket.write(Buffer.from([job[at + 2] === 4 ? status.paper : status.printer]));
        job = Buffer.concat([job.subarray(0, at), job.subarray(at + 3)]);
      }
      if (modeAtConnect === 'reset' && jobBytes + job.length >= stallAfterBytes) {
        chunks.push(job.subarray(0, stallAfterBytes - jobBytes));
        jobBytes = stallAfterBytes;
        done = true;
        record(Buffer.concat(chunks), false);
        // RST, not FIN: the sender must not mistake a dead printer for one that took the job and closed.
        socket.resetAndDestroy();
        return;
      }
      if (modeAtConnect === 'stall' && jobBytes + job.length >= stallAfterBytes) {
        chunks.push(job.subarray(0, stallAfterBytes - jobBytes));
        jobBytes = stallAfterBytes;
        stalled = true;
        done = true;
        socket.pause();
        // What came out before the jam is on paper now, whatever the sender does next.
        record(Buffer.concat(chunks), false);
        return;
      }
      jobBytes += job.length;
      chunks.push(job);
    });
    socket.on('end', () => {
      if (done || stalled) return;
      done = true;
      if (jobBytes > 0 && (modeAtConnect === 'online' || modeAtConnect === 'stall'))
        record(Buffer.concat(chunks), true);
      else if (jobBytes > 0) discarded += 1;
      socket.end();
    });
    socket.on('close', () => {
      sockets.delete(socket);
      if (!done && jobBytes > 0) {
        done = true;
        record(Buffer.concat(chunks), false);
      }
    });
    socket.on('error', () => undefined);
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port || options.port || 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  let port = 0;
  await listen();
  port = (server.address() as net.AddressInfo).port;

  return {
    get port() {
      return port;
    },
    captures,
    get discarded() {
      return discarded;
    },
    setMode(next, more = {}) {
      mode = next;
      if (more.stallAfterBytes !== undefined) stallAfterBytes = more.stallAfterBytes;
    },
    listen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
