// Types of the VNPay protocol module for the TypeScript e2e tests.
export declare const VNPAY_VERSION: string;
export declare function signedData(params: Record<string, string>): string;
export declare function sign(params: Record<string, string>, secret: string): string;
export declare function verifySignature(params: Record<string, unknown>, secret: string): boolean;
export declare function vnpDate(date: Date): string;
