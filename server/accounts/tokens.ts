// Opaque bearer tokens: random, prefixed by kind, and stored only as their SHA-256 hash.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const TOKEN_PREFIX = { access: 'gat_', refresh: 'grt_', device: 'gdt_' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIX;

export function newToken(kind: TokenKind): string {
  return TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  const entry = Object.entries(TOKEN_PREFIX).find(([, prefix]) => token.startsWith(prefix));
  return entry ? (entry[0] as TokenKind) : null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Letters and digits a person reads off one screen and types on another without mixing up (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function normalizeEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
