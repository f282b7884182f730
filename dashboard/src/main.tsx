// The owner dashboard's entry: React Query with the tRPC client; an expired login is refreshed once, else the owner logs in again.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { makeClient, TRPCProvider } from './trpc';
import { session } from './session';
import { App } from './App';
// English or Hindi, as this browser last chose, before the first render.
import './i18n';
// Hindi messages (a refused login says when to try again in both languages) must render without a system font.
import '@fontsource/noto-sans-devanagari/400.css';
import './styles.css';

const trpcClient = makeClient();
let refreshing: Promise<void> | null = null;

/** Access tokens live minutes; one refresh per burst of failures, then everything is fetched again. */
function onUnauthorized(): void {
  const tokens = session.get();
  if (!tokens) return;
  refreshing ??= trpcClient.accounts.refresh
    .mutate({ refreshToken: tokens.refreshToken })
    .then((next) => {
      session.set({ accessToken: next.accessToken, refreshToken: next.refreshToken });
      void queryClient.invalidateQueries();
    })
    .catch(() => session.set(null))
    .finally(() => (refreshing = null));
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') && count < 2,
    },
  },
  queryCache: new QueryCache({
    onError: (error) => error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED' && onUnauthorized(),
  }),
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <App />
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
