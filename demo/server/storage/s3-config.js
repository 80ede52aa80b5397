// The S3 settings of the receiver (docs/deployment.md#uploads-in-s3-compatible-object-storage):
// uploads go to an S3-compatible bucket when S3_BUCKET is set, else to DATA_DIR/uploads. Every
// mistake is reported at start-up with the variable's name, never found at the first upload.

import { isLoopbackHost } from '../loopback.js';

const NAMES = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
];

/**
 * @typedef {object} S3Config
 * @property {string | undefined} endpoint S3_ENDPOINT: an S3-compatible service (MinIO, Ceph RGW,
 *   a cloud's object storage); unset for AWS S3 itself
 * @property {string} bucket S3_BUCKET
 * @property {string} region S3_REGION
 * @property {string} accessKeyId S3_ACCESS_KEY_ID
 * @property {string} secretAccessKey S3_SECRET_ACCESS_KEY
 * @property {boolean} forcePathStyle S3_FORCE_PATH_STYLE: `https://host/bucket/key` instead of
 *   `https://bucket.host/key` (most self-hosted services want it; default on with an endpoint)
 */

/**
 * The S3 settings from `env`, or undefined when none of the S3_* variables is set (uploads then
 * stay in the local folder). Throws an Error naming the variable on anything incomplete or wrong.
 * @param {Record<string, string | undefined>} env
 * @returns {S3Config | undefined}
 */
export function loadS3Config(env) {
  /** @param {string} name */
  const get = (name) => env[name]?.trim() || undefined;
  const set = NAMES.filter((name) => get(name) !== undefined);
  if (!set.length) return undefined;
  const missing = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
    (name) => get(name) === undefined,
  );
  if (missing.length) {
    throw new Error(
      `S3 storage is half configured (${set.join(', ')} set): ${missing.join(', ')} ` +
        `must be set too, or unset every S3_* variable to keep uploads in DATA_DIR/uploads`,
    );
  }
  const endpoint = get('S3_ENDPOINT');
  if (endpoint !== undefined) {
    /** @type {URL} */
    let url;
    try {
      url = new URL(endpoint);
    } catch {
      throw new Error(
        `S3_ENDPOINT must be a URL such as https://s3.example.gov.vn, got "${endpoint}"`,
      );
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      throw new Error(
        `S3_ENDPOINT must be https:// (plain http:// only to a loopback address), got "${endpoint}"`,
      );
    }
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
      throw new Error(
        `S3_ENDPOINT must be the service's address only (no path, query or credentials; ` +
          `the bucket goes in S3_BUCKET), got "${endpoint}"`,
      );
    }
  }
  const bucket = /** @type {string} */ (get('S3_BUCKET'));
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) ||
    /\.\.|^\d+\.\d+\.\d+\.\d+$/.test(bucket)
  ) {
    throw new Error(
      `S3_BUCKET must be a bucket name of 3 to 63 lower-case letters, digits, dots and hyphens, got "${bucket}"`,
    );
  }
  const region = /** @type {string} */ (get('S3_REGION'));
  if (!/^[a-z0-9-]{1,40}$/.test(region)) {
    throw new Error(`S3_REGION must look like "us-east-1" or "hn-1", got "${region}"`);
  }
  const pathStyle = get('S3_FORCE_PATH_STYLE');
  if (pathStyle !== undefined && pathStyle !== '0' && pathStyle !== '1') {
    throw new Error(`S3_FORCE_PATH_STYLE must be 1 or 0, got "${pathStyle}"`);
  }
  return {
    endpoint,
    bucket,
    region,
    accessKeyId: /** @type {string} */ (get('S3_ACCESS_KEY_ID')),
    secretAccessKey: /** @type {string} */ (get('S3_SECRET_ACCESS_KEY')),
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === '1',
  };
}
