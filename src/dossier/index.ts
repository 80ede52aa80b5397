/** What the receiver and the elements agree on about a received dossier: statuses and codes. */
export * from './status.js';
export * from './code.js';
export * from './desk.js';
export * from './lookup-secret.js';
