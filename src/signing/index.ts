export * from './jws.js';
export * from './signer.js';
