export {
  canonicalize,
  canonicalizeToBytes,
  JCS_MAX_DEPTH,
  LONE_SURROGATE,
  type CanonicalizeOptions,
} from './canonicalize.js';
export { canonicalEqual } from './equal.js';
