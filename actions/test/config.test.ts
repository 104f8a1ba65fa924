import { describe, expect, test } from 'vitest';
import { readActionsConfig } from '../src/config/config.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://portal:secret@db.internal:5432/portal',
  ACTION_SECRET: 'a-production-action-secret-of-enough-length',
  HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: 'a-production-jwt-key-of-at-least-32-chars' }),
  ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SENDGRID_API_KEY: 'SG.a-production-key',
  PORTAL_PUBLIC_URL: 'https://portal.printer.example/',
};

describe('readActionsConfig', () => {
  test('needs no configuration in development', () => {
    const config = readActionsConfig({});
    expect(config).toMatchObject({
      production: false,
      host: '127.0.0.1',
      port: 3001,
      defaultTenant: 'demo-printer',
      bcryptCost: 12,
      accessTokenSeconds: 5 * 60,
      sessionIdleSeconds: 30 * 60,
      sessionAbsoluteSeconds: 12 * 3600,
      lockout: { slowDownAfter: 3, slowDownSeconds: 15, threshold: 10, seconds: 30 * 60, attackThreshold: 30 },
      knownDeviceSeconds: 180 * 86400,
      breachCheckUrl: undefined,
      mail: { apiUrl: undefined, fromAddress: 'portal@printer.example', timeoutMs: 15_000 },
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(config.jwt.algorithm).toBe('HS256');
    expect(config.encryptionKey).toHaveLength(32);
  });

  test('empty values count as unset, as in an .env file', () => {
    expect(readActionsConfig({ PORTAL_ACTIONS_PORT: '', BCRYPT_COST: '' }).port).toBe(3001);
  });

  test('names every bad variable', () => {
    const attempt = () => readActionsConfig({ PORTAL_ACTIONS_PORT: 'abc', BCRYPT_COST: '40', ACTIONS_ENCRYPTION_KEY: 'c2hvcnQ=' });
    expect(attempt).toThrow(/PORTAL_ACTIONS_PORT: /);
    expect(attempt).toThrow(/BCRYPT_COST: Too big/);
    expect(attempt).toThrow(/ACTIONS_ENCRYPTION_KEY: must be base64 of exactly 32 bytes/);
    expect(() => readActionsConfig({ HASURA_GRAPHQL_JWT_SECRET: '{"type":"HS256"}' })).toThrow(/HASURA_GRAPHQL_JWT_SECRET/);
    expect(() => readActionsConfig({ ACTIONS_TRUSTED_PROXIES: '127.0.0.1, nginx' })).toThrow(/ACTIONS_TRUSTED_PROXIES: "nginx" is not an IP address/);
  });

  test('refuses the public development secrets in production, naming each', () => {
    expect(() => readActionsConfig({ NODE_ENV: 'production' })).toThrow(
      /refusing to start in production: HASURA_GRAPHQL_JWT_SECRET must be set.*ACTION_SECRET must be set.*ACTIONS_ENCRYPTION_KEY must be set.*SENDGRID_API_KEY must be set.*DATABASE_URL must be set.*PORTAL_PUBLIC_URL must be/,
    );
    expect(() => readActionsConfig({ ...PRODUCTION, BCRYPT_COST: '8' })).toThrow(/BCRYPT_COST must be at least 10/);
    expect(() => readActionsConfig({ ...PRODUCTION, PORTAL_PUBLIC_URL: 'http://portal.printer.example' })).toThrow(/PORTAL_PUBLIC_URL must be the portal's https:\/\/ address/);
    expect(readActionsConfig(PRODUCTION)).toMatchObject({ production: true, publicUrl: 'https://portal.printer.example' });
  });

  test('artwork: development storage and no scanner by default; production takes the SDK chain and refuses the public key pair', () => {
    expect(readActionsConfig({}).artwork).toMatchObject({
      storage: { bucket: 'portal-artwork', endpoint: 'http://127.0.0.1:4568', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER' } },
      maxUploadBytes: 50 * 1024 * 1024,
      uploadUrlSeconds: 15 * 60,
      scanner: null,
    });
    expect(readActionsConfig({ CLAMAV_SOCKET: '/run/clamd.sock' }).artwork.scanner).toEqual({ socketPath: '/run/clamd.sock' });
    expect(readActionsConfig({ CLAMAV_HOST: 'clamav' }).artwork.scanner).toEqual({ host: 'clamav', port: 3310 });
    expect(readActionsConfig(PRODUCTION).artwork.storage).toMatchObject({ endpoint: undefined, credentials: undefined });
    expect(() => readActionsConfig({ ...PRODUCTION, ARTWORK_S3_ACCESS_KEY_ID: 'S3RVER', ARTWORK_S3_SECRET_ACCESS_KEY: 'S3RVER' })).toThrow(/development key pair/);
    expect(() => readActionsConfig({ ARTWORK_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/ARTWORK_S3_BUCKET: must be an S3 bucket name/);
  });
});
