// The install being tried, kept in a small JSON file beside the ledger so it survives the restart the install causes.
import fs from 'node:fs';
import { z } from 'zod';
import type { InstallAttempt } from '../../src-shared/updates/policy';
import type { AttemptStore } from './controller';

const attemptSchema = z.object({ version: z.string().min(1), attempts: z.number().int().min(1) });

export function attemptFile(file: string): AttemptStore {
  return {
    read() {
      try {
        const parsed = attemptSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(attempt: InstallAttempt | null) {
      if (!attempt) return fs.rmSync(file, { force: true });
      // Written whole and renamed, so a power cut leaves the old record or the new one, never half of one.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(attempt));
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}
