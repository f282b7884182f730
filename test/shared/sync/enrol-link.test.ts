// The enrolment link in the dashboard's QR code: it carries the server's address and the code, and a scanner typing it
// into the counter's form fills both boxes only once the whole code has arrived.
import { describe, expect, it } from 'vitest';
import { enrolmentLink, parseEnrolmentLink } from '../../../src-shared/sync/enrol-link';

describe('the enrolment link', () => {
  it('holds the server origin and the code, and reads back as both', () => {
    const link = enrolmentLink('http://127.0.0.1:4400', 'ABCDE-FGHJK');
    expect(link).toBe('http://127.0.0.1:4400/?enrol=ABCDE-FGHJK');
    expect(parseEnrolmentLink(link)).toEqual({ serverUrl: 'http://127.0.0.1:4400', code: 'ABCDE-FGHJK' });
  });

  it('keeps only the origin of an address with a path', () => {
    expect(enrolmentLink('https://galla.example.in/dashboard#/counters', 'ABCDE-FGHJK')).toBe(
      'https://galla.example.in/?enrol=ABCDE-FGHJK',
    );
  });

  it('is not a link until the whole code is typed, so a scanner typing it key by key does not split it early', () => {
    const link = 'https://galla.example.in/?enrol=ABCDE-FGHJK';
    const partial = Array.from({ length: link.length - 1 }, (_, index) => link.slice(0, index + 1));
    expect(partial.length).toBeGreaterThan(30);
    expect(partial.map(parseEnrolmentLink).filter(Boolean)).toEqual([]);
    expect(parseEnrolmentLink(link)).not.toBeNull();
  });

  it('a plain address or a plain code is left alone', () => {
    expect(parseEnrolmentLink('https://galla.example.in')).toBeNull();
    expect(parseEnrolmentLink('ABCDE-FGHJK')).toBeNull();
    expect(parseEnrolmentLink('ftp://galla.example.in/?enrol=ABCDE-FGHJK')).toBeNull();
  });
});
