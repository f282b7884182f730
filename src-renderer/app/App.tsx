// Providers (react-query, tRPC) and the login gate: a counter shows the login screen until a PIN opens a session.
import { useState } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCProvider } from './trpc';
import type { CounterConnection } from './connection';
import { endsSession } from './errors';
import { Shell } from './Shell';
import { LoginScreen } from '../screens/login/LoginScreen';
import type { Outputs } from './trpc';

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
      </TRPCProvider>
    </QueryClientProvider>
  );
}
