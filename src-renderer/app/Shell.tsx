// The app frame after login: screen tabs (each with its Alt key), the screen, and the status bar.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from './trpc';
import { useHotkeys } from './hotkeys';
import { StatusBar } from './StatusBar';
import type { CounterConnection } from './connection';
import type { Me } from './App';
import type { StaffRole } from '../../src-shared/contracts/staff';
import { BillingScreen } from '../screens/billing/BillingScreen';
import { KhataScreen } from '../screens/khata/KhataScreen';
import { ItemsScreen } from '../screens/items/ItemsScreen';
import { InvoicesScreen } from '../screens/invoices/InvoicesScreen';
import { CashScreen } from '../screens/cash/CashScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { PurchasesScreen } from '../screens/purchases/PurchasesScreen';
import { PurchaseOrdersScreen } from '../screens/purchase-orders/PurchaseOrdersScreen';
import type { PurchaseBillPrefill } from '../screens/purchase-orders/receive-prefill';

/** Each screen with its Alt key and who may use it: a tab someone may not use is not shown to them at all. */
export const SCREENS = [
  { id: 'billing', key: 'b', minRole: 'cashier' },
  { id: 'khata', key: 'k', minRole: 'cashier' },
  { id: 'items', key: 'i', minRole: 'cashier' },
  { id: 'invoices', key: 'n', minRole: 'cashier' },
  { id: 'purchases', key: 'p', minRole: 'cashier' },
  { id: 'purchaseOrders', key: 'o', minRole: 'cashier' },
  { id: 'cash', key: 'c', minRole: 'cashier' },
  { id: 'reports', key: 'r', minRole: 'manager' },
  { id: 'settings', key: 's', minRole: 'cashier' },
] as const satisfies readonly { id: string; key: string; minRole: StaffRole }[];

export type ScreenId = (typeof SCREENS)[number]['id'];

const RANK: Record<StaffRole, number> = { cashier: 0, manager: 1, owner: 2 };

export function screensFor(role: StaffRole) {
  return SCREENS.filter((entry) => RANK[role] >= RANK[entry.minRole]);
}

export function Shell({ me, connection, onLogout }: { me: Me; connection: CounterConnection; onLogout: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [screen, setScreen] = useState<ScreenId>('billing');
  // An order to receive, handed from the Orders screen to a new purchase bill.
  const [receiving, setReceiving] = useState<PurchaseBillPrefill | null>(null);
  const logout = useMutation(trpc.staff.logout.mutationOptions({ onSettled: onLogout }));
  const screens = screensFor(me.role);
  useHotkeys({
    ...Object.fromEntries(screens.map((entry) => [`Alt+${entry.key}`, () => setScreen(entry.id)])),
    'Alt+q': () => logout.mutate(),
  });
  return (
    <div className="shell">
      <nav className="tabs" aria-label={t('nav.screens')}>
        <span className="brand">{t('app.title')}</span>
        {screens.map((entry) => (
          <button
            key={entry.id}
            type="button"
            tabIndex={-1}
            className={screen === entry.id ? 'tab active' : 'tab'}
            aria-current={screen === entry.id ? 'page' : undefined}
            onClick={() => setScreen(entry.id)}
          >
            {t(`nav.${entry.id}`)} <kbd>Alt+{entry.key.toUpperCase()}</kbd>
          </button>
        ))}
        <span className="spacer" />
        <span className="who" data-testid="who">
          {me.name} · {t(`roles.${me.role}`)}
        </span>
        <button type="button" tabIndex={-1} className="tab" onClick={() => logout.mutate()}>
          {t('nav.logout')} <kbd>Alt+Q</kbd>
        </button>
      </nav>
      <main className="screen" data-screen={screen}>
        {screen === 'billing' && <BillingScreen me={me} goTo={setScreen} />}
        {screen === 'khata' && <KhataScreen me={me} />}
        {screen === 'items' && <ItemsScreen me={me} />}
        {screen === 'invoices' && <InvoicesScreen me={me} />}
        {screen === 'purchases' && (
          <PurchasesScreen me={me} receiving={receiving} onReceiving={() => setReceiving(null)} />
        )}
        {screen === 'cash' && <CashScreen />}
        {screen === 'purchaseOrders' && (
          <PurchaseOrdersScreen
            me={me}
            onReceive={(prefill) => {
              setReceiving(prefill);
              setScreen('purchases');
            }}
          />
        )}
        {screen === 'reports' && <ReportsScreen />}
        {screen === 'settings' && <SettingsScreen me={me} />}
      </main>
      <StatusBar connection={connection} />
    </div>
  );
}
