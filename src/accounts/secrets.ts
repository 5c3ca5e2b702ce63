import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url: session ids, CSRF tokens and the secret part of API tokens. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret: its SHA-256, hex. The secrets are 256 random bits, so a fast
 * hash is enough; a stolen database does not give working sessions or tokens.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
