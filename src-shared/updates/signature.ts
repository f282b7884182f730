// What the publisher's Ed25519 signature on a release covers: the feed's version and every file it names with its
// sha512 and size, as one canonical JSON text (RFC 8785, the same canonicaliser as the hash chain). The release command
// signs it; the counter rebuilds it from the feed it was given and verifies it before downloading and again before
// installing. The signature travels inside latest.yml as one more key, which older counters simply ignore.
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { releaseVersion } from './feed';

/** The feed key that carries the signature; electron-updater passes unknown keys through in its UpdateInfo. */
export const SIGNATURE_KEY = 'gallaSignature';
/** Names what is signed, so a signature over some other Galla text can never pass for a release's. */
export const RELEASE_STATEMENT_FORMAT = 'galla-release-1';

const signedFile = z.object({
  url: z.string().min(1),
  sha512: z.string().min(80),
  size: z.number().int().positive(),
});

/** The part of a feed file (latest.yml) the signature binds; other keys (releaseDate, path…) are not trusted. */
export const signedFeed = z.object({ version: releaseVersion, files: z.array(signedFile).min(1) });
export type SignedFeed = z.infer<typeof signedFeed>;
export type SignedFile = z.infer<typeof signedFile>;

export const releaseSignature = z.object({
  format: z.literal(RELEASE_STATEMENT_FORMAT),
  /** The first 16 hex digits of the SHA-256 of the public key's DER: says which key signed, for a clear refusal. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Base64 of the 64-byte Ed25519 signature over releaseStatement(feed). */
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type ReleaseSignature = z.infer<typeof releaseSignature>;

/** The exact text that is signed: canonical JSON of the format, the version and each file's url, sha512 and size. */
export function releaseStatement(feed: SignedFeed): string {
  const files = feed.files.map(({ url, sha512, size }) => ({ url, sha512, size }));
  return canonicalize({ format: RELEASE_STATEMENT_FORMAT, version: feed.version, files }) ?? '';
}
