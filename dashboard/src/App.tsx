// The dashboard shell: login gate, navigation, the date range every report shares, and the page the URL names.
import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';
import { session } from './session';
import { href, navigate, useRoute } from './range';
import { RangePicker } from './components/RangePicker';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { Login } from './pages/Login';
import { Overview } from './pages/Overview';
import { SalesPage } from './pages/Sales';
import { ItemsPage } from './pages/Items';
import { KhataPage } from './pages/Khata';
import { GstPage, ShiftsPage } from './pages/Gst';
import { InvoicePage, InvoicesPage } from './pages/Invoices';
import { MonitoringPage } from './pages/Monitoring';
import { SignUp } from './pages/SignUp';
import { CountersPage } from './pages/Counters';
import { StaffPage } from './pages/Staff';
import { ShopSettingsPage } from './pages/ShopSettings';
import { PayablesPage, PurchasesPage } from './pages/Purchases';
import { Gstr2bPage, Gstr3bPage } from './pages/GstReturns';
import { TallyExportPage } from './pages/TallyExport';
import { EwayBillPage, EwayBillsPage } from './pages/EwayBills';
import { EinvoicesPage } from './pages/Einvoices';

/** The pages on the nav, in order; each is named by `nav.<page>` in the dashboard's language. */
const PAGES = [
  'overview',
  'sales',
  'items',
  'khata',
  'gst',
  'purchases',
  'payables',
  'gstr3b',
  'gstr2b',
  'tally',
  'ewaybills',
  'einvoices',
  'shifts',
  'monitoring',
  'counters',
  'staff',
  'shop',
] as const;

/** Pages about now, not about a range of days: no range picker. */
const RANGELESS = new Set(['monitoring', 'counters', 'staff', 'shop', 'gstr3b', 'gstr2b', 'tally', 'einvoices']);

function Page() {
  const route = useRoute();
  const { range, params } = route;
  switch (route.page) {
    case 'sales':
      return <SalesPage range={range} />;
    case 'items':
      return <ItemsPage range={range} />;
    case 'khata':
      return <KhataPage range={range} />;
    case 'gst':
      return <GstPage range={range} />;
    case 'purchases':
      return <PurchasesPage range={range} />;
    case 'payables':
      return <PayablesPage range={range} />;
    case 'gstr3b':
      return <Gstr3bPage />;
    case 'gstr2b':
      return <Gstr2bPage />;
    case 'tally':
      return <TallyExportPage />;
    case 'ewaybills':
      return <EwayBillsPage range={range} />;
    case 'ewaybill':
      return <EwayBillPage invoiceId={route.arg ?? ''} />;
    case 'einvoices':
      return <EinvoicesPage />;
    case 'shifts':
      return <ShiftsPage range={range} />;
    case 'invoices':
      return <InvoicesPage range={range} params={params} />;
    case 'invoice':
      return <InvoicePage id={route.arg ?? ''} />;
    case 'monitoring':
      return <MonitoringPage />;
    case 'counters':
      return <CountersPage />;
    case 'staff':
      return <StaffPage />;
    case 'shop':
      return <ShopSettingsPage />;
    default:
      return <Overview range={range} />;
  }
}

function Shell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.accounts.me.queryOptions());
  // Open alerts show on the nav from any page; a refused query (not a manager) just shows no count.
  const unresolved = useQuery({
    ...trpc.monitoring.alerts.queryOptions({ which: 'unresolved', limit: 500 }),
    refetchInterval: 60_000,
  });
  const openAlerts = unresolved.data?.filter((alert) => alert.state === 'open').length ?? 0;
  const route = useRoute();
  const keep = Object.fromEntries([...route.params].filter(([key]) => key !== 'from' && key !== 'to'));
  return (
    <div className="shell">
      <header className="top">
        <div className="brand">
          <strong>Galla</strong>
          <span className="muted">{me.data?.shop.name}</span>
        </div>
        <nav>
          {PAGES.map((page) => (
            <a key={page} href={href(page, route.range)} className={route.page === page ? 'active' : undefined}>
              {t(`nav.${page}`)}
              {page === 'monitoring' && openAlerts > 0 && (
                <span className="nav-count" aria-label={t('shell.openAlerts', { count: openAlerts })}>
                  {openAlerts}
                </span>
              )}
            </a>
          ))}
        </nav>
        <LanguageSwitch />
        <button type="button" className="link" onClick={() => session.set(null)}>
          {t('shell.logout')}
        </button>
      </header>
      {!RANGELESS.has(route.page) && (
        <div className="toolbar">
          <RangePicker
            range={route.range}
            onApply={(range) => navigate(href(route.page, range, keep, route.arg ?? undefined))}
          />
        </div>
      )}
      <main>
        <Page />
      </main>
    </div>
  );
}

export function App() {
  const tokens = useSyncExternalStore(session.subscribe, () => sessionStorage.getItem('galla.dashboard.tokens'));
  const route = useRoute();
  if (tokens) return <Shell />;
  return route.page === 'signup' ? <SignUp /> : <Login />;
}
