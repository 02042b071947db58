// The identity provider's signing keys, persisted so tokens survive a restart. The JWKS lists
// every key (old ones too) so tokens signed before a rotation stay verifiable, as in Entra ID.
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import type { Db, TableSchema } from '../store/db.js';

export const identitySchema: TableSchema = {
  module: 'identity',
  ddl: `
    CREATE TABLE IF NOT EXISTS signing_keys (
      kid TEXT PRIMARY KEY,
      private_jwk TEXT NOT NULL,
      public_jwk TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS refresh_tokens (
      token TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      scope TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `,
};

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

export class SigningKeys {
  constructor(private readonly db: Db) {}

  /** Public keys as a JWK Set (what /discovery/v2.0/keys serves). */
  jwks(): { keys: JWK[] } {
    const rows = this.db
      .prepare('SELECT public_jwk FROM signing_keys ORDER BY created_at DESC, kid')
      .all() as { public_jwk: string }[];
    return { keys: rows.map((row) => JSON.parse(row.public_jwk) as JWK) };
  }

  /** The newest key, created on first use. */
  async active(): Promise<SigningKey> {
    const row = this.db
      .prepare(
        'SELECT kid, private_jwk FROM signing_keys ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .get() as { kid: string; private_jwk: string } | undefined;
    if (!row) return this.rotate();
    const privateKey = (await importJWK(JSON.parse(row.private_jwk) as JWK, 'RS256')) as CryptoKey;
    return { kid: row.kid, privateKey };
  }

  /** Adds a new key that signs from now on; earlier keys stay published. */
  async rotate(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomBytes(16).toString('base64url');
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid,
      use: 'sig',
      alg: 'RS256',
      kty: 'RSA',
    };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
    this.db
      .prepare(
        'INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(kid, JSON.stringify(privateJwk), JSON.stringify(publicJwk), new Date().toISOString());
    return { kid, privateKey };
  }
}
