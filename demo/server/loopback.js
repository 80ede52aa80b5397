// Which hosts are this machine only. One answer for the receiver: HOST (whether a count of
// proxies in TRUST_PROXY is safe), and the URLs allowed plain http:// (FORWARD_URL, S3_ENDPOINT).
// The ranges are those of TRUST_PROXY's `loopback` keyword (fastify's proxy-addr), so "loopback"
// means the same in every setting.
import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addSubnet('::1', 128, 'ipv6');

/**
 * Whether `host` (an address, `localhost`, or a URL's hostname with an IPv6 address in brackets)
 * reaches this machine only: 127.0.0.0/8, ::1 and their IPv4-mapped forms (`::ffff:127.0.0.1`).
 * @param {string} host
 */
export function isLoopbackHost(host) {
  const address = /^\[(.*)\]$/.exec(host)?.[1] ?? host;
  if (address.toLowerCase() === 'localhost') return true;
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
