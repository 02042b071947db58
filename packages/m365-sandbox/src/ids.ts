import { randomBytes, randomUUID } from 'node:crypto';

export function newGuid(): string {
  return randomUUID();
}

/**
 * An opaque Exchange-style id (events, messages). Real ids are long base64 strings starting
 * with "AAMk"; ours are URL-safe so they can be used in paths without encoding.
 */
export function newExchangeId(): string {
  return 'AAMkAG' + randomBytes(48).toString('base64url');
}

/** A change key / eTag value. */
export function newChangeKey(): string {
  return randomBytes(12).toString('base64url');
}
