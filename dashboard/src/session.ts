// The owner's tokens, kept in sessionStorage (gone when the tab closes) and shared with whoever listens.
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'galla.dashboard.tokens';
const listeners = new Set<() => void>();

function read(): Tokens | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Tokens) : null;
  } catch {
    return null;
  }
}

export const session = {
  get: read,
  set(tokens: Tokens | null): void {
    if (tokens) sessionStorage.setItem(KEY, JSON.stringify(tokens));
    else sessionStorage.removeItem(KEY);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
