// Sets the shop up over the same WebSocket bridge the page uses (from Node): owner, staff, shop details and three items.
import WebSocket from 'ws';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../../../src-main/trpc/app-router';

export const PINS = { owner: '1111', manager: '2222', cashier: '3333' } as const;

export const ITEMS = [
  { sku: 'RICE-1', name: 'Basmati Rice 1kg', barcode: '8901030865275', pricePaise: 5900, gstRateBp: 500 },
  { sku: 'DAL-1', name: 'Toor Dal 1kg', barcode: '8901725181222', pricePaise: 12000, gstRateBp: 500 },
  { sku: 'SOAP-1', name: 'Neem Soap 100g', barcode: '8901030704710', pricePaise: 3550, gstRateBp: 1800 },
] as const;

export function bridgeClient(wsUrl: string) {
  const socket = createWSClient({ url: wsUrl, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket })] });
  return { client, close: () => socket.close() };
}

export async function seedShop(wsUrl: string): Promise<void> {
  const { client, close } = bridgeClient(wsUrl);
  try {
    const options = await client.staff.loginOptions.query();
    if (!options.needsSetup) return;
    await client.staff.setupOwner.mutate({ name: 'Asha (owner)', pin: PINS.owner });
    await client.staff.create.mutate({ name: 'Manoj (manager)', role: 'manager', pin: PINS.manager });
    await client.staff.create.mutate({ name: 'Chetan (cashier)', role: 'cashier', pin: PINS.cashier });
    await client.settings.set.mutate({
      key: 'shop',
      value: {
        name: 'Galla Kirana',
        address: 'MG Road, Pune',
        phone: '9800000000',
        gstin: '27AAPFU0939F1ZV',
        stateCode: '27',
        upiId: 'galla@upi',
        receiptFooter: 'Thank you!',
      },
    });
    for (const item of ITEMS) {
      await client.catalogue.create.mutate({
        sku: item.sku,
        name: item.name,
        unit: 'pcs',
        pricePaise: item.pricePaise,
        priceIncludesTax: true,
        gstRateBp: item.gstRateBp,
        hsn: '1006',
        barcodes: [item.barcode],
        openingStockMilli: 50_000,
        category: 'Grocery',
      });
    }
    await client.staff.logout.mutate();
  } finally {
    await close();
  }
}
