/**
 * `dvc-forms/verify`: server-side verification of signed submission payloads.
 * No DOM: Node 20 and any runtime with WebCrypto.
 */
export * from '../errors.js';
