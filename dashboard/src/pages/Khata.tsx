// Outstanding khata with ageing buckets; overdue customers first, with a polite reminder message ready to copy.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC, type Outputs } from '../trpc';
import { date, rupees } from '../format';
import type { Range } from '../range';
import { DataTable } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';

type Row = Outputs['reports']['khata'][number];

export function reminderText(row: Row, shopName: string): string {
  const since = row.oldestUnpaidAt ? ` (oldest since ${date(row.oldestUnpaidAt)})` : '';
  return `Namaste ${row.name} ji, a gentle reminder from ${shopName}: ${rupees(row.totalPaise)} is due on your khata${since}. Please pay at the shop or by UPI at your convenience. Thank you!`;
}

export function KhataPage({ range }: { range: Range }) {
  const trpc = useTRPC();
  const khata = useQuery(trpc.reports.khata.queryOptions({ asOf: range.to }));
  const me = useQuery(trpc.accounts.me.queryOptions());
  const [chosen, setChosen] = useState<Row | null>(null);
  const [copied, setCopied] = useState(false);
  const rows = khata.data ?? [];
  const total = rows.reduce((sum, row) => sum + row.totalPaise, 0);
  const message = chosen ? reminderText(chosen, me.data?.shop.name ?? 'the shop') : '';
  return (
    <div className="page grid">
      <section className="tiles">
        <article className="tile">
          <h3>Outstanding</h3>
          <strong>{rupees(total)}</strong>
          <span className="change">{rows.length} customers</span>
        </article>
        <article className="tile">
          <h3>Overdue (31+ days)</h3>
          <strong>
            {rupees(rows.reduce((sum, row) => sum + row.d31to60Paise + row.d61to90Paise + row.d90plusPaise, 0))}
          </strong>
          <span className="change">{rows.filter((row) => row.overdue).length} customers</span>
        </article>
      </section>
      <DataTable
        testId="khata"
        title={`Khata ageing as of ${date(range.to)}`}
        rows={rows}
        columns={[
          {
            key: 'name',
            label: 'Customer',
            render: (row) => (row.overdue ? <span className="overdue">{row.name}</span> : row.name),
          },
          { key: 'phone', label: 'Phone' },
          { key: 'totalPaise', label: 'Balance', kind: 'paise' },
          { key: 'd0to30Paise', label: '0–30', kind: 'paise' },
          { key: 'd31to60Paise', label: '31–60', kind: 'paise' },
          { key: 'd61to90Paise', label: '61–90', kind: 'paise' },
          { key: 'd90plusPaise', label: '90+', kind: 'paise' },
        ]}
        onRowClick={(row) => {
          setChosen(row);
          setCopied(false);
        }}
        empty="Nobody owes anything."
        actions={<ExportButtons table="khata" range={range} />}
      />
      {chosen && (
        <section className="card" data-testid="reminder">
          <h2>Reminder for {chosen.name}</h2>
          <textarea readOnly value={message} rows={5} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(message).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy message'}
          </button>
        </section>
      )}
    </div>
  );
}
