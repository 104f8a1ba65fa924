export * from './roles.ts';
export * from './statuses.ts';
export * from './claims.ts';
export * from './error-codes.ts';
export * from './tracking-url.ts';
export * from './file-size.ts';
export * from './html.ts';
