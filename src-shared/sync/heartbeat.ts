// What a counter reports about itself with each sync (outbox depth, printer, version, last backup), for the owner's monitoring.
import { z } from 'zod';

export const PRINTER_STATES = ['ok', 'queued', 'error', 'none'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** Optional on the wire: a counter from before monitoring still syncs, it just reports nothing. */
export const counterHeartbeat = z
  .object({
    outboxDepth: z.number().int().min(0),
    printer: z
      .object({
        state: z.enum(PRINTER_STATES),
        detail: z.string().max(300).nullable(),
        jobsWaiting: z.number().int().min(0),
      })
      .strict(),
    appVersion: z.string().max(40).optional(),
    lastBackupAt: z.iso.datetime().nullable(),
  })
  .strict();
export type CounterHeartbeat = z.infer<typeof counterHeartbeat>;
