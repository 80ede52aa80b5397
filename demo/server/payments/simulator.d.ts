// Types of the VNPay simulator, for the TypeScript e2e tests and for the server's own JSDoc (an
// import of './simulator.js' resolves to this file).
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface SimulatorOptions {
  tmnCode: string;
  hashSecret: string;
  ipnUrl: string | ((request: FastifyRequest) => string);
  now?: () => Date;
  /** Path prefix of the simulator's pages ('' standalone). */
  prefix?: string;
}
export type IpnCall = { url: string; status: number; body: unknown };
/** Adds the simulator's routes to a Fastify scope (the demo's PAYMENT_SIMULATOR=1). */
export declare function registerVnpaySimulator(
  scope: FastifyInstance,
  options: SimulatorOptions,
): { ipnCalls: IpnCall[] };
/** A standalone simulator on 127.0.0.1 (tests). */
export declare function startVnpaySimulator(options: Omit<SimulatorOptions, 'prefix'>): Promise<{
  payUrl: string;
  ipnCalls: IpnCall[];
  close(): Promise<void>;
}>;
