// Shop settings: the trade name, and the legal name, GSTIN, state and address that the GST returns and tax invoices
// carry. The owner edits them; a manager sees them.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { shopProfileInput } from '../../../src-shared/contracts/accounts';
import { isValidGstin } from '../../../src-shared/gst/gstin';
import { useTRPC, type Outputs } from '../trpc';
import { useChecked } from '../form';
import { Field } from '../components/Field';
import { StateSelect } from '../components/StateSelect';
import { href, useRoute } from '../range';

type Shop = Outputs['accounts']['me']['shop'];

function draftOf(shop: Shop) {
  return {
    name: shop.name,
    legalName: shop.legalName,
    gstin: shop.gstin ?? '',
    stateCode: shop.stateCode ?? '',
    address: shop.address,
  };
}

function ShopForm({ shop, canEdit }: { shop: Shop; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(shop));
  const { problems, check } = useChecked(shopProfileInput, draft);
  const save = useMutation(
    trpc.accounts.updateShop.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.accounts.me.queryKey() }),
    }),
  );
  const set = (field: keyof ReturnType<typeof draftOf>) => (value: string) => {
    save.reset();
    setDraft((now) => ({ ...now, [field]: value }));
  };
  const setGstin = (value: string) => {
    const gstin = value.toUpperCase();
    save.reset();
    setDraft((now) => ({
      ...now,
      gstin,
      stateCode: !now.stateCode && isValidGstin(gstin.replace(/\s/g, '')) ? gstin.slice(0, 2) : now.stateCode,
    }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) save.mutate(draft);
  };
  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="shop-form">
      <h2>Shop details</h2>
      <fieldset disabled={!canEdit}>
        <Field label="Shop name" problem={problems.name} hint="The name customers know, on the dashboard and receipts.">
          <input value={draft.name} onChange={(event) => set('name')(event.target.value)} />
        </Field>
        <Field label="Legal name" problem={problems.legalName} hint="As on the GST registration certificate.">
          <input value={draft.legalName} onChange={(event) => set('legalName')(event.target.value)} />
        </Field>
        <Field label="GSTIN" problem={problems.gstin} hint="Leave empty if the shop is not registered for GST.">
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
        <Field label="Address" problem={problems.address}>
          <textarea rows={3} value={draft.address} onChange={(event) => set('address')(event.target.value)} />
        </Field>
      </fieldset>
      {save.error && <p className="error">{save.error.message}</p>}
      {canEdit ? (
        <div className="row">
          <button type="submit" disabled={save.isPending}>
            Save
          </button>
          {save.isSuccess && (
            <span className="saved" role="status">
              Saved.
            </span>
          )}
        </div>
      ) : (
        <p className="muted">Only the owner can change these.</p>
      )}
    </form>
  );
}

export function ShopSettingsPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.accounts.me.queryOptions());
  const route = useRoute();
  if (me.error) return <p className="error">{me.error.message}</p>;
  if (!me.data) return <p className="loading">Loading…</p>;
  return (
    <div className="page narrow">
      {route.params.get('welcome') && (
        <section className="card welcome" role="status">
          <h2>Welcome to Galla, {me.data.shop.name}</h2>
          <p>
            Check the shop’s details below, then go to <a href={href('counters', route.range)}>Counters</a> and add your
            first counter.
          </p>
        </section>
      )}
      <ShopForm key={me.data.shop.id} shop={me.data.shop} canEdit={me.data.role === 'owner'} />
    </div>
  );
}
