// Builds a request's context: the shared server parts plus who the bearer token says is calling.
import { DomainError } from '../../src-shared/errors';
import { resolveCaller } from '../accounts/service';
import type { ServerContext, ServerDeps } from './init';

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** A bad token does not fail the request here: procedures that need a caller say why it was refused. */
export async function createContext(
  deps: ServerDeps,
  authorization: string | undefined,
  clientAddress: string | null = null,
): Promise<ServerContext> {
  try {
    return { ...deps, clientAddress, caller: await resolveCaller(deps, bearerToken(authorization)) };
  } catch (error) {
    if (error instanceof DomainError) return { ...deps, clientAddress, caller: null, authProblem: error.message };
    throw error;
  }
}
