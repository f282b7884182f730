// Owner (or manager) login with the shop account's email and password, and the way to sign up a new shop.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { session } from '../session';
import { fillTemplate, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';

/**
 * Why the login was refused. A message from the shop-language catalogue (too many tries, with the time to try again)
 * is shown in Hindi as well, under the English the server sent.
 */
function LoginProblem({ message, shop }: { message: string; shop: ShopMessage | null }) {
  return (
    <div className="error" role="alert" data-testid="login-problem">
      <p>{message}</p>
      {shop && <p lang="hi">{fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params)}</p>}
    </div>
  );
}

export function Login() {
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.accounts.login.mutationOptions({
      onSuccess: (result) => session.set({ accessToken: result.accessToken, refreshToken: result.refreshToken }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <main className="login">
      <form onSubmit={submit} className="card">
        <h1>Galla</h1>
        <p className="muted">Your shop’s sales, khata and GST, from every counter.</p>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {login.error && <LoginProblem message={login.error.message} shop={login.error.data?.shop ?? null} />}
        <button type="submit" disabled={login.isPending}>
          Log in
        </button>
        <p className="muted switch">
          New to Galla? <a href="#/signup">Create a shop account</a>
        </p>
      </form>
    </main>
  );
}
