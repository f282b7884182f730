// A new shop signs up: shop and owner, login, and the GSTIN with its state; on success the owner is logged in and
// taken to the shop's settings.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { signUpForm } from '../../../src-shared/contracts/accounts';
import { isValidGstin } from '../../../src-shared/gst/gstin';
import { useTRPC } from '../trpc';
import { session } from '../session';
import { navigate } from '../range';
import { useChecked } from '../form';
import { Field } from '../components/Field';
import { StateSelect } from '../components/StateSelect';

const EMPTY = { shopName: '', ownerName: '', email: '', password: '', gstin: '', stateCode: '' };

export function SignUp() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(EMPTY);
  const { problems, check } = useChecked(signUpForm, draft);
  const signUp = useMutation(
    trpc.accounts.signUp.mutationOptions({
      onSuccess: (result) => {
        navigate('#/shop?welcome=1');
        session.set({ accessToken: result.accessToken, refreshToken: result.refreshToken });
      },
    }),
  );
  const set = (field: keyof typeof EMPTY) => (value: string) => setDraft((now) => ({ ...now, [field]: value }));
  /** A valid GSTIN names its state: pick it, unless the owner already chose one (then a mismatch is pointed out). */
  const setGstin = (value: string) => {
    const gstin = value.toUpperCase();
    setDraft((now) => ({
      ...now,
      gstin,
      stateCode: !now.stateCode && isValidGstin(gstin.replace(/\s/g, '')) ? gstin.slice(0, 2) : now.stateCode,
    }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) signUp.mutate(draft);
  };
  const emailTaken = signUp.error?.data?.code === 'CONFLICT' ? signUp.error.message : undefined;
  return (
    <main className="login">
      <form onSubmit={submit} className="card signup" noValidate>
        <h1>Start with Galla</h1>
        <p className="muted">Your shop’s account: every counter syncs to it, and you see them all here.</p>
        <Field label="Shop name" problem={problems.shopName}>
          <input
            value={draft.shopName}
            onChange={(event) => set('shopName')(event.target.value)}
            autoComplete="organization"
          />
        </Field>
        <Field label="Your name" problem={problems.ownerName}>
          <input
            value={draft.ownerName}
            onChange={(event) => set('ownerName')(event.target.value)}
            autoComplete="name"
          />
        </Field>
        <Field label="Email" problem={problems.email ?? emailTaken}>
          <input
            type="email"
            value={draft.email}
            onChange={(event) => set('email')(event.target.value)}
            autoComplete="username"
          />
        </Field>
        <Field label="Password" problem={problems.password} hint="At least 10 characters.">
          <input
            type="password"
            value={draft.password}
            onChange={(event) => set('password')(event.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <Field label="Shop GSTIN" problem={problems.gstin} hint="Leave empty if the shop is not registered for GST.">
          <input
            value={draft.gstin}
            onChange={(event) => setGstin(event.target.value)}
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field label="State" problem={problems.stateCode}>
          <StateSelect value={draft.stateCode} onChange={set('stateCode')} />
        </Field>
        {signUp.error && !emailTaken && <p className="error">{signUp.error.message}</p>}
        <button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating your shop…' : 'Create shop account'}
        </button>
        <p className="muted switch">
          Already have an account? <a href="#/login">Log in</a>
        </p>
      </form>
    </main>
  );
}
