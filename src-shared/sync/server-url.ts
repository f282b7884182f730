// The rule for any address the counter talks to (sync, backups, the update feed): https, or plain http only to this
// PC itself (127.0.0.1, localhost, ::1, for a server run beside the counter). Plain http elsewhere lets anyone on the
// network path read the device token and change what the counter is sent.
import { z } from 'zod';
import { Invalid } from '../errors';
import { shopText } from '../shop-messages';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedServerUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** A server address a person types (the enrolment form, backups): the shop-language message says what to fix. */
export const serverUrl = z.url({ protocol: /^https?$/ }).refine(isAllowedServerUrl, shopText('serverUrlHttps'));

/** Thrown where a stored or configured address breaks the rule, with the same words. */
export function assertAllowedServerUrl(text: string): void {
  if (!isAllowedServerUrl(text)) throw new Invalid({ key: 'serverUrlHttps' });
}
