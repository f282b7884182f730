// A refusal said in the shop's two languages: a field's problem (English, Hindi beneath when it is a catalogue
// message) and a server's refusal (its message, and the Hindi of its shop-message key).
import type { ReactNode } from 'react';
import { fillTemplate, shopKeyOfText, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';

/** A field's problem in English, with its Hindi beneath when the message is in the shop catalogue. */
export function bilingual(text: string | undefined): ReactNode {
  if (!text) return undefined;
  const key = shopKeyOfText(text);
  return (
    <>
      {text}
      {key && (
        <span lang="hi" className="problem-hi">
          {SHOP_MESSAGES_HI[key]}
        </span>
      )}
    </>
  );
}

/** A refusal from the server in English, and in Hindi beneath it when it is a shop-language message. */
export function Problem({ error, testId }: { error: { message: string; data?: unknown } | null; testId: string }) {
  if (!error) return null;
  const shop = (error.data as { shop?: ShopMessage | null } | undefined)?.shop ?? null;
  return (
    <div className="error" role="alert" data-testid={testId}>
      <p>{error.message}</p>
      {shop && <p lang="hi">{fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params)}</p>}
    </div>
  );
}
