// `npm run release:key`: makes the publisher's Ed25519 key pair for signing releases, once. The public key goes to
// build/release-public-key.pem (commit it: every build carries it); the private key is printed once, as one base64
// line, for the build machine's secret store (GALLA_RELEASE_SIGNING_KEY). It is never written into the repository.
//   npm run release:key -- [--force]   replaces an existing public key (counters on older builds keep the old one!)
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { COMMITTED_PUBLIC_KEY } from './releases/signing';

const { values: args } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
if (fs.existsSync(COMMITTED_PUBLIC_KEY) && !args.force) {
  console.error(
    `release:key: ${COMMITTED_PUBLIC_KEY} exists. Counters already installed trust it; replace it only with --force ` +
      'and only if its private key is lost (installed counters then need a reinstall to update again).',
  );
  process.exit(1);
}
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
fs.writeFileSync(COMMITTED_PUBLIC_KEY, publicKey.export({ type: 'spki', format: 'pem' }));
const secret = Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64');
console.log(`release:key: wrote ${COMMITTED_PUBLIC_KEY}; commit it.`);
console.log("release:key: keep this private key in the build machine's secret store as GALLA_RELEASE_SIGNING_KEY:");
console.log(secret);
