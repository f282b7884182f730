// The counter's side of signed releases: verify the publisher's Ed25519 signature on what the feed offers (node:crypto,
// no hand-rolled crypto), and check a downloaded file's own sha512 against the signed one, whatever electron-updater
// checked before. Anything that does not verify is an UpdateRefused, and nothing is installed.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { Invalid } from '../../src-shared/errors';
import {
  releaseSignature,
  releaseStatement,
  signedFeed,
  SIGNATURE_KEY,
  type SignedFeed,
  type SignedFile,
} from '../../src-shared/updates/signature';

export class UpdateRefused extends Error {
  override readonly name = 'UpdateRefused';
}

/** A public key from PEM text (as committed in build/release-public-key.pem); only Ed25519 is accepted. */
export function releasePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Invalid('The release public key is not an Ed25519 key.');
  return key;
}

export function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The feed's signed part, once its signature verifies with one of the keys this build trusts; refused otherwise. */
export function verifiedRelease(updateInfo: unknown, trustedKeys: readonly KeyObject[]): SignedFeed {
  const info = (updateInfo ?? {}) as Record<string, unknown>;
  const version = typeof info.version === 'string' ? info.version : 'offered';
  if (!(SIGNATURE_KEY in info))
    throw new UpdateRefused(`Update ${version} is not signed by Galla's publisher; it was not installed.`);
  const signature = releaseSignature.safeParse(info[SIGNATURE_KEY]);
  const feed = signedFeed.safeParse(info);
  if (!signature.success || !feed.success)
    throw new UpdateRefused(`Update ${version} has an unreadable signature; it was not installed.`);
  const key = trustedKeys.find((candidate) => keyIdOf(candidate) === signature.data.keyId);
  const statement = Buffer.from(releaseStatement(feed.data));
  // Ed25519 takes no digest name: null is node:crypto's way of saying "the algorithm the key implies".
  if (!key || !verify(null, statement, key, Buffer.from(signature.data.value, 'base64')))
    throw new UpdateRefused(
      `Update ${version} does not carry a valid signature of Galla's publisher; it was not installed.`,
    );
  return feed.data;
}

export function sha512OfFile(file: string): string {
  return createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

/** The signed entry this downloaded file is, by its own bytes; refused when its sha512 or size is not one signed. */
export function checkDownloadedFile(file: string, release: SignedFeed): SignedFile {
  const size = fs.statSync(file).size;
  const sha512 = sha512OfFile(file);
  const match = release.files.find((entry) => entry.sha512 === sha512 && entry.size === size);
  if (!match)
    throw new UpdateRefused(
      `The downloaded update ${release.version} is not the file its publisher signed; it was deleted and not installed.`,
    );
  return match;
}
