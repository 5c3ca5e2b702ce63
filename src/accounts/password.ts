import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/**
 * Password hashing with scrypt (memory-hard): N = 2^15, r = 8, p = 1 take 32 MiB and tens of
 * milliseconds per guess. Stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64url), so the
 * parameters can be raised later without breaking existing hashes.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Parameters read from the database beyond these are treated as a corrupt hash, not obeyed. */
const LARGEST_COST = 2 ** 20;
const LARGEST_BLOCK_SIZE = 32;
const LARGEST_PARALLELISM = 16;

export const MINIMUM_PASSWORD_LENGTH = 8;
export const MAXIMUM_PASSWORD_LENGTH = 1024;

/**
 * A well-formed hash of a password nobody knows: checking a password against it costs the same as
 * against a real one, so a login with an unknown name takes as long as one with a wrong password.
 */
export const UNKNOWN_USER_HASH = `scrypt$${COST}$${BLOCK_SIZE}$${PARALLELISM}$${randomBytes(SALT_BYTES).toString('base64url')}$${randomBytes(KEY_BYTES).toString('base64url')}`;

/** Fails with `query_invalid` for a password that is too short (or absurdly long). */
export function validatePassword(password: string): void {
  const length = [...password].length;
  if (length < MINIMUM_PASSWORD_LENGTH) {
    throw new SpravkaError(
      'query_invalid',
      text(
        `The password is too short: it needs at least ${MINIMUM_PASSWORD_LENGTH} characters.`,
        `Пароль слишком короткий: нужно не меньше ${MINIMUM_PASSWORD_LENGTH} символов.`,
      ),
      {
        hint: text(
          'Choose a longer password; a few unrelated words are easy to remember.',
          'Выберите пароль длиннее; несколько не связанных слов легко запомнить.',
        ),
      },
    );
  }
  if (length > MAXIMUM_PASSWORD_LENGTH) {
    throw new SpravkaError(
      'query_invalid',
      text(
        `The password is too long: at most ${MAXIMUM_PASSWORD_LENGTH} characters.`,
        `Пароль слишком длинный: не больше ${MAXIMUM_PASSWORD_LENGTH} символов.`,
      ),
    );
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return [
    'scrypt',
    COST,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when the password matches the stored hash; a malformed hash matches nothing. */
export async function verifyPasswordHash(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await deriveKey(password, parsed.salt, parsed.options, parsed.hash.length);
  return timingSafeEqual(key, parsed.hash);
}

interface ParsedHash {
  options: { N: number; r: number; p: number };
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, cost, blockSize, parallelism, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || rest.length > 0) return undefined;
  const N = Number(cost);
  const r = Number(blockSize);
  const p = Number(parallelism);
  const valid =
    Number.isInteger(N) &&
    N > 1 &&
    N <= LARGEST_COST &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= LARGEST_BLOCK_SIZE &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= LARGEST_PARALLELISM;
  const key = Buffer.from(hash, 'base64url');
  if (!valid || key.length < 16) return undefined;
  return { options: { N, r, p }, salt: Buffer.from(salt, 'base64url'), hash: key };
}

function deriveKey(
  password: string,
  salt: Buffer,
  options: { N: number; r: number; p: number },
  length = KEY_BYTES,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above maxmem (32 MiB by default, exactly N = 2^15, r = 8).
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, scryptOptions, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
