// Verifies the IRP's signed QR code and signed invoice (compact JWS, RS256) with node:crypto: header.payload.signature.
import { createVerify } from 'node:crypto';

export function verifyJwt(token: string, publicKeyPem: string): Record<string, unknown> {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) throw new Error('not a JWT');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header.alg !== 'RS256') throw new Error(`unexpected alg ${header.alg}`);
  const valid = createVerify('RSA-SHA256')
    .update(`${head}.${body}`)
    .verify(publicKeyPem, Buffer.from(signature, 'base64url'));
  if (!valid) throw new Error('the JWT signature does not verify');
  return JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
}
