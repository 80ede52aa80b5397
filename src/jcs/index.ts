export {
  canonicalize,
  canonicalizeToBytes,
  JCS_MAX_DEPTH,
  type CanonicalizeOptions,
} from './canonicalize.js';
export { canonicalEqual } from './equal.js';
