// Providers (react-query, tRPC), the damaged-ledger gate and the login gate: a counter shows the login screen until a PIN
// opens a session, and the recovery screen instead when its ledger file failed the start-up check.
import { useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { TRPCProvider, useTRPC, type Outputs } from './trpc';
import type { CounterConnection } from './connection';
import { endsSession } from './errors';
import { Shell } from './Shell';
import { LoginScreen } from '../screens/login/LoginScreen';
import { LedgerDamagedScreen } from '../screens/recovery/LedgerDamagedScreen';

export type Me = NonNullable<Outputs['staff']['me']>;

export function App({ connection }: { connection: CounterConnection }) {
  const [me, setMe] = useState<Me | null>(null);
  const [queryClient] = useState(() => {
    // A session that ended (bridge reconnected, staff deactivated) sends the counter back to the PIN screen;
    // the open bill is kept as a draft in the ledger and comes back at the next login.
    const onError = (error: unknown) => {
      if (endsSession(error)) setMe(null);
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 } },
    });
  });
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={connection.client} queryClient={queryClient}>
        <LedgerGate>
          {me ? (
            <Shell
              me={me}
              connection={connection}
              onLogout={() => {
                queryClient.clear();
                setMe(null);
              }}
            />
          ) : (
            <LoginScreen onLogin={setMe} />
          )}
        </LedgerGate>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** A ledger file found damaged at start opens on the recovery screen, never on the till. */
function LedgerGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const health = useQuery(trpc.ledgerHealth.status.queryOptions());
  if (health.data?.problem) return <LedgerDamagedScreen health={health.data} />;
  return <>{children}</>;
}
