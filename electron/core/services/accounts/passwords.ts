import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Password hashing with Node's built-in scrypt: no native package to build for two runtimes.
// The cost parameters are stored with each hash (scrypt$N$r$p$salt$hash), so they can be raised
// later without locking anyone out; `npm run bench` times one check (aim: 100 ms to 1 s).

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 x 8: about 32 MiB and a few hundred milliseconds a check on a modest machine. */
export const defaultCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Room for the memory scrypt needs (128 * N * r bytes) over Node's 32 MiB default.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = defaultCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Compared in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p) return false;
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== keyLength) return false;
  const actual = await derive(password, Buffer.from(parts[4] ?? '', 'base64'), { N, r, p });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash that matches no password, checked when a user name is unknown, so an unknown name takes
 * as long to refuse as a wrong password and the timing does not tell which names exist.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'));
  return decoy;
}
