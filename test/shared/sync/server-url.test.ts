// The rule for every address the counter talks to: https, or plain http only to this PC, said in English and Hindi.
import { describe, expect, it } from 'vitest';
import { isAllowedServerUrl, serverUrl } from '../../../src-shared/sync/server-url';
import { SHOP_MESSAGES_EN, SHOP_MESSAGES_HI } from '../../../src-shared/shop-messages';

describe('server addresses', () => {
  it('https anywhere, and plain http only to 127.0.0.1, localhost or ::1', () => {
    for (const url of [
      'https://galla.example.in',
      'http://127.0.0.1:4400',
      'http://localhost:4400',
      'http://[::1]:4400',
    ])
      expect(isAllowedServerUrl(url)).toBe(true);
    for (const url of [
      'http://galla.example.in',
      'http://192.168.1.5:4400',
      'http://127.0.0.1.example.in',
      'http://localhost.example.in',
      'ftp://galla.example.in',
      'not an address',
    ])
      expect(isAllowedServerUrl(url)).toBe(false);
  });

  it('a plain-http address typed in a form gets the shop-language message, which Hindi also has', () => {
    const result = serverUrl.safeParse('http://galla.example.in');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(SHOP_MESSAGES_EN.serverUrlHttps);
    expect(SHOP_MESSAGES_HI.serverUrlHttps).toMatch(/https:\/\//);
  });
});
