// Form checking on the page with the server's own zod schema: each box's problem is shown once the person tries to
// save, and updates as they type.
import { useState } from 'react';
import type { z } from 'zod';
import { fieldProblems } from '../../src-shared/contracts/accounts';

export function useChecked<S extends z.ZodType>(schema: S, draft: unknown) {
  const [tried, setTried] = useState(false);
  const parsed = schema.safeParse(draft);
  const problems = tried && !parsed.success ? fieldProblems(parsed.error) : {};
  return {
    problems,
    /** True when the draft may be sent (the server parses it again); false shows each box's problem. */
    check(): boolean {
      setTried(true);
      return parsed.success;
    },
    reset: () => setTried(false),
  };
}
