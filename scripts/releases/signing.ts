// Signs a release with the publisher's Ed25519 key: the private key comes from the build machine's environment
// (GALLA_RELEASE_SIGNING_KEY, never the repository or the server); the signature over the feed's version and every
// file's sha512 and size (src-shared/updates/signature.ts) is added to latest.yml as one more key.
// The public half the app carries is build/release-public-key.pem, or GALLA_RELEASE_PUBLIC_KEY at build time.
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import {
  RELEASE_STATEMENT_FORMAT,
  releaseStatement,
  SIGNATURE_KEY,
  signedFeed,
  type ReleaseSignature,
} from '../../src-shared/updates/signature';
import { keyIdOf, releasePublicKey } from '../../src-main/updates/release-signature';
import { ReleaseProblem } from './artifacts';

export const COMMITTED_PUBLIC_KEY = path.resolve(import.meta.dirname, '../../build/release-public-key.pem');

const HOW_TO_MAKE_A_KEY =
  'Make a key pair once with `npm run release:key` (it writes build/release-public-key.pem to commit and prints the ' +
  "private key to keep in the build machine's secret store).";

/** PEM text, or base64 of the PEM or of the PKCS#8 DER (handy in CI secret stores that dislike newlines). */
function keyText(raw: string): string | Buffer {
  const trimmed = raw.trim();
  if (trimmed.startsWith('-----BEGIN')) return trimmed;
  const decoded = Buffer.from(trimmed, 'base64');
  return decoded.toString('utf8').startsWith('-----BEGIN') ? decoded.toString('utf8') : decoded;
}

/** The publisher's private key from the environment; a clear refusal when it is missing or not Ed25519. */
export function signingKeyFromEnv(env: NodeJS.ProcessEnv): KeyObject {
  const raw = env.GALLA_RELEASE_SIGNING_KEY;
  if (!raw?.trim())
    throw new ReleaseProblem(
      `GALLA_RELEASE_SIGNING_KEY is not set: releases must be signed with the publisher's Ed25519 private key. ${HOW_TO_MAKE_A_KEY}`,
    );
  let key: KeyObject;
  try {
    const text = keyText(raw);
    key =
      typeof text === 'string' ? createPrivateKey(text) : createPrivateKey({ key: text, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new ReleaseProblem(
      `GALLA_RELEASE_SIGNING_KEY is not a private key in PEM or base64 form (${(error as Error).message}).`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ReleaseProblem(`GALLA_RELEASE_SIGNING_KEY is a ${key.asymmetricKeyType} key; releases use Ed25519.`);
  return key;
}

/** The public key a build made now carries: GALLA_RELEASE_PUBLIC_KEY (PEM or a .pem file's path), else the committed one. */
export function buildPublicKeyPem(env: NodeJS.ProcessEnv): string {
  const given = env.GALLA_RELEASE_PUBLIC_KEY?.trim();
  const pem = given
    ? given.startsWith('-----BEGIN')
      ? given
      : fs.readFileSync(path.resolve(given), 'utf8')
    : fs.readFileSync(COMMITTED_PUBLIC_KEY, 'utf8');
  releasePublicKey(pem);
  return pem.trim();
}

/** Refuses to sign with a key the counters would not trust: better no release than one every counter refuses. */
export function checkKeyPair(privateKey: KeyObject, publicPem: string): void {
  const trusted = releasePublicKey(publicPem);
  const ours = createPublicKey(privateKey);
  if (keyIdOf(ours) !== keyIdOf(trusted))
    throw new ReleaseProblem(
      `GALLA_RELEASE_SIGNING_KEY (key ${keyIdOf(ours)}) is not the key the app trusts (key ${keyIdOf(trusted)}, ` +
        'build/release-public-key.pem or GALLA_RELEASE_PUBLIC_KEY). Counters would refuse this release.',
    );
}

/** latest.yml as electron-builder wrote it, plus the publisher's signature; signing it again gives the same text. */
export function signFeedYml(text: string, privateKey: KeyObject): string {
  const at = text.search(new RegExp(`^${SIGNATURE_KEY}:`, 'm'));
  const unsigned = at === -1 ? text : text.slice(0, at);
  const parsed = signedFeed.safeParse(load(unsigned));
  if (!parsed.success)
    throw new ReleaseProblem(`The feed file cannot be signed: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  const signature: ReleaseSignature = {
    format: RELEASE_STATEMENT_FORMAT,
    keyId: keyIdOf(createPublicKey(privateKey)),
    value: sign(null, Buffer.from(releaseStatement(parsed.data)), privateKey).toString('base64'),
  };
  return `${unsigned.trimEnd()}\n${dump({ [SIGNATURE_KEY]: signature }, { lineWidth: -1 })}`;
}
