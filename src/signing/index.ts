export * from './jws.js';
export * from './signer.js';
export * from './low-s.js';
