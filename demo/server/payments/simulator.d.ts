// Types of the VNPay simulator for the TypeScript e2e tests.
export interface SimulatorOptions {
  tmnCode: string;
  hashSecret: string;
  ipnUrl: string | ((request: unknown) => string);
  now?: () => Date;
}
export declare function startVnpaySimulator(options: SimulatorOptions): Promise<{
  payUrl: string;
  ipnCalls: { url: string; status: number; body: unknown }[];
  close(): Promise<void>;
}>;
