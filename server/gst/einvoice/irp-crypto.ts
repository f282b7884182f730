// The IRP's published encryption for its API (NIC e-invoice API, "Authentication" and "Encryption" sections of the
// developer portal at https://einv-apisandbox.nic.in/ → API documentation; the same scheme as the e-way bill API):
//  - the auth request's JSON {UserName, Password, AppKey, ForceRefreshAccessToken} is RSA-encrypted (PKCS#1 v1.5)
//    with the IRP's public key and sent base64 as {"Data": …}; AppKey is a random 32-byte AES key, base64;
//  - the IRP answers with the Session Encryption Key (SEK), AES-256-ECB (PKCS#7 padding) encrypted with that AppKey;
//  - every later request's JSON is AES-256-ECB encrypted with the SEK and sent base64 as {"Data": …}; the IRP's
//    answer's Data is the same, encrypted with the SEK.
// ECB is the IRP's choice, not ours; node:crypto does each step, nothing here is hand-rolled cryptography.
import { constants, createCipheriv, createDecipheriv, publicEncrypt, randomBytes } from 'node:crypto';

/** A fresh 32-byte AppKey for one authentication. */
export const newAppKey = (): Buffer => randomBytes(32);

export function rsaEncryptForIrp(irpPublicKeyPem: string, json: unknown): string {
  const plain = Buffer.from(JSON.stringify(json), 'utf8');
  return publicEncrypt({ key: irpPublicKeyPem, padding: constants.RSA_PKCS1_PADDING }, plain).toString('base64');
}

export function aesEcbEncrypt(key: Buffer, plain: Buffer): string {
  const cipher = createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export function aesEcbDecrypt(key: Buffer, base64: string): Buffer {
  const decipher = createDecipheriv('aes-256-ecb', key, null);
  return Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]);
}

/** The SEK as the IRP sends it (base64, encrypted with the AppKey) → the raw 32-byte key. */
export const decryptSek = (appKey: Buffer, sek: string): Buffer => aesEcbDecrypt(appKey, sek);

export const encryptPayload = (sek: Buffer, json: unknown): string =>
  aesEcbEncrypt(sek, Buffer.from(JSON.stringify(json), 'utf8'));

export const decryptPayload = (sek: Buffer, data: string): unknown =>
  JSON.parse(aesEcbDecrypt(sek, data).toString('utf8')) as unknown;
