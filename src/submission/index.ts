export * from './payload.js';
export { findField, removeFields } from './fields.js';
