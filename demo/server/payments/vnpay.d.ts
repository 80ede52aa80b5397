// Types of the VNPay protocol module, for the TypeScript e2e tests and for the server's own JSDoc
// (an import of './vnpay.js' resolves to this file).
import type { PaymentGateway } from './gateway.js';

export declare const VNPAY_VERSION: string;
export declare function signedData(params: Record<string, string>): string;
export declare function sign(params: Record<string, string>, secret: string): string;
export declare function verifySignature(params: Record<string, unknown>, secret: string): boolean;
export declare function vnpDate(date: Date): string;

export interface VnpayConfig {
  /** Merchant terminal code given by VNPay. */
  tmnCode: string;
  /** Secret for HMAC-SHA512 (vnp_HashSecret); never leaves the server. */
  hashSecret: string;
  /** The gateway's payment page. */
  payUrl: string;
  /** How long the payment page stays valid (15 by default). */
  expireMinutes?: number;
}
/** The payment gateway adapter for VNPay (docs/payments.md#gateway-adapter). */
export declare function createVnpayGateway(config: VnpayConfig): PaymentGateway;
