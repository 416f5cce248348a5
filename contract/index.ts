/** The /v1 wire contract shared by the widget and the server. Imports nothing of ours. */
export * from './error-codes.ts';
export * from './luhn.ts';
export * from './schemas.ts';
export * from './types.ts';
export * from './claims.ts';
