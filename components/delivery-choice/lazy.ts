/**
 * What the delivery question needs once a procedure offering post reaches its review page: the
 * element and src/delivery's checks (which pull in the 2025 commune codes). One lazy chunk, so
 * the core bundle does not carry them for procedures that never ask.
 */
import './delivery-choice.js';

export { checkDelivery, normalizeDelivery } from '../../src/delivery/index.js';
