// A purchase order as plain text a shop pastes into WhatsApp: shop, date (dd-mm-yyyy), supplier, one item a line.
import { formatQuantity } from '../money';
import { shopDate } from '../shop-time';

export const SHARE_LANGUAGES = ['en', 'hi'] as const;
export type ShareLanguage = (typeof SHARE_LANGUAGES)[number];

const WORDS = {
  en: {
    title: 'Purchase order',
    date: 'Date',
    to: 'To',
    note: 'Note',
    phone: 'Phone',
    thanks: 'Please confirm the order.',
    units: { pcs: 'pcs', kg: 'kg', l: 'litre', m: 'metre' },
  },
  hi: {
    title: 'खरीद ऑर्डर',
    date: 'दिनांक',
    to: 'सप्लायर',
    note: 'टिप्पणी',
    phone: 'फ़ोन',
    thanks: 'कृपया ऑर्डर की पुष्टि करें।',
    units: { pcs: 'पीस', kg: 'किलो', l: 'लीटर', m: 'मीटर' },
  },
} as const;

export interface ShareableOrder {
  shop: { name: string; phone: string };
  order: { number: string; supplierName: string; note: string; sentAt: string | null; createdAt: string };
  lines: { name: string; unit: keyof (typeof WORDS)['en']['units']; orderedQtyMilli: number }[];
}

/** No prices: the supplier quotes those; the order says what and how much. Dated the day it was sent (or made). */
export function purchaseOrderText(input: ShareableOrder, language: ShareLanguage = 'en'): string {
  const w = WORDS[language];
  const { shop, order } = input;
  const text = [
    `*${w.title} ${order.number}*`,
    shop.name,
    `${w.date}: ${shopDate(order.sentAt ?? order.createdAt)}`,
    `${w.to}: ${order.supplierName}`,
    '',
    ...input.lines.map(
      (line, index) => `${index + 1}. ${line.name} - ${formatQuantity(line.orderedQtyMilli)} ${w.units[line.unit]}`,
    ),
  ];
  if (order.note) text.push('', `${w.note}: ${order.note}`);
  text.push('', w.thanks);
  if (shop.phone) text.push(`${shop.name}, ${w.phone}: ${shop.phone}`);
  return text.join('\n');
}
