// Owner (or manager) login with the shop account's email and password, and the way to sign up a new shop.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../trpc';
import { session } from '../session';

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
        {login.error && <p className="error">{login.error.message}</p>}
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
