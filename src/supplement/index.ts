/** Supplements (hồ sơ bổ sung): the clerk's request, the signed payload and its one check. */
export * from './payload.js';
export * from './check.js';
export { SUPPLEMENT_MESSAGES, ITEM_MESSAGES } from './messages.js';
