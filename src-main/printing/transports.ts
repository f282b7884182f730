// Sending a job's bytes to a printer over TCP 9100, a USB/serial device file, or the OS print queue, and saying honestly how far they got.
//
// Raw TCP 9100 has no acknowledgement, so "printed" is defined as: the printer answered the status query
// (or does not support it), took every byte, and closed its end after our end-of-job (FIN) — a 9100 server
// reads to end-of-stream before it closes. Anything else that happens after the first job byte left us
// (a stall, a reset, a timeout) is "maybe delivered": part or all of the receipt may be on paper.
import net from 'node:net';
import fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import type { PrinterConnection } from '../../src-shared/contracts/printing';

export type SendOutcome = { ok: true } | { ok: false; delivered: 'none' | 'maybe'; reason: string };

export interface TransportConfig {
  connectTimeoutMs: number;
  /** How long the printer may answer DLE EOT before we assume it does not support status and send anyway. */
  statusTimeoutMs: number;
  /** How long the printer may go without taking data (or closing) before the job counts as stalled. */
  ioTimeoutMs: number;
  /** CUPS' lp on Linux/macOS; on Windows the queue must be shared and is written as \\localhost\<name>. */
  lpCommand: string;
  platform: NodeJS.Platform;
}

export interface SendOptions {
  /** PDFs go through the OS queue's filters; ESC/POS bytes must reach the printer untouched. */
  raw: boolean;
}

/** DLE EOT 1 (printer status) and DLE EOT 4 (roll paper sensor): real-time, answered even while the printer is busy. */
export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]);
const OFFLINE_BIT = 0x08;
const PAPER_END_BITS = 0x60;

export function statusProblem(printerStatus: number, paperStatus: number): string | null {
  if ((paperStatus & PAPER_END_BITS) === PAPER_END_BITS) return 'paper out';
  if (printerStatus & OFFLINE_BIT) return 'printer offline (cover open or error)';
  return null;
}

export function sendTcp(host: string, port: number, bytes: Buffer, config: TransportConfig): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let phase: 'connecting' | 'status' | 'sending' = 'connecting';
    let settled = false;
    let reply = Buffer.alloc(0);
    const socket = net.connect({ host, port });
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const fail = (reason: string) => finish({ ok: false, delivered: phase === 'sending' ? 'maybe' : 'none', reason });
    const sendJob = () => {
      phase = 'sending';
      clearTimeout(timer);
      socket.setTimeout(config.ioTimeoutMs, () => fail('stalled: the printer stopped taking data'));
      socket.end(bytes);
    };
    let timer = setTimeout(() => fail('no answer from the printer (connect timed out)'), config.connectTimeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ECONNREFUSED'
          ? 'connection refused (printer off or unplugged)'
          : `${error.code ?? 'error'}: ${error.message}`,
      ),
    );
    socket.on('connect', () => {
      phase = 'status';
      clearTimeout(timer);
      timer = setTimeout(sendJob, config.statusTimeoutMs);
      socket.write(STATUS_QUERY);
    });
    socket.on('data', (chunk) => {
      if (phase !== 'status') return;
      reply = Buffer.concat([reply, chunk]);
      if (reply.length < 2) return;
      const problem = statusProblem(reply[0]!, reply[1]!);
      if (problem) fail(problem);
      else sendJob();
    });
    socket.on('close', (hadError) => {
      if (phase === 'sending' && !hadError && socket.writableFinished) finish({ ok: true });
      else fail('the printer closed the connection early');
    });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A USB printer (/dev/usb/lp0), a serial port set up by the OS (/dev/ttyUSB0, COM3) or a shared Windows queue. */
export async function sendToDevice(path: string, bytes: Buffer, config: TransportConfig): Promise<SendOutcome> {
  let file: fs.FileHandle;
  try {
    file = await fs.open(path, 'a');
  } catch (error) {
    return {
      ok: false,
      delivered: 'none',
      reason: `cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
  const written = file.write(bytes).then(
    async (): Promise<SendOutcome> => {
      await file.close();
      return { ok: true };
    },
    (error: NodeJS.ErrnoException): SendOutcome => ({
      ok: false,
      delivered: 'maybe',
      reason: `write to ${path} failed: ${error.code ?? error.message}`,
    }),
  );
  return withTimeout(written, config.ioTimeoutMs, {
    ok: false,
    delivered: 'maybe',
    reason: `stalled: ${path} stopped taking data`,
  });
}

/** CUPS lp: once lp exits 0 the job is in the OS spooler, which is as durable as we are. */
export function sendToQueue(
  queueName: string,
  bytes: Buffer,
  options: SendOptions,
  config: TransportConfig,
): Promise<SendOutcome> {
  if (config.platform === 'win32') return sendToDevice(`\\\\localhost\\${queueName}`, bytes, config);
  return new Promise((resolve) => {
    const args = ['-d', queueName, ...(options.raw ? ['-o', 'raw'] : [])];
    const child = spawn(config.lpCommand, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        delivered: 'none',
        reason: `cannot run ${config.lpCommand}: ${error.code ?? error.message}`,
      }),
    );
    child.on('close', (code) =>
      resolve(
        code === 0
          ? { ok: true }
          : {
              ok: false,
              delivered: 'none',
              reason: `${config.lpCommand} refused the job: ${stderr.trim() || `exit ${code}`}`,
            },
      ),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });
}

export function sendToPrinter(
  connection: PrinterConnection,
  bytes: Buffer,
  options: SendOptions,
  config: TransportConfig,
): Promise<SendOutcome> {
  switch (connection.kind) {
    case 'network':
      return sendTcp(connection.host, connection.port, bytes, config);
    case 'usb':
    case 'serial':
      return sendToDevice(connection.path, bytes, config);
    case 'os':
      return sendToQueue(connection.queueName, bytes, options, config);
  }
}
