// The receiver with online payment through the local VNPay simulator on its own origin, and a
// dossier with a 50.000 đ fee: what the payment journey starts from (payment.engines.ts, in
// each engine).
import { startVnpaySimulator } from '../../demo/server/payments/simulator.js';
import {
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const SECRET = 'JOURNEYSECRET0123456789ABCDEFGHI';

export interface PaymentSetup {
  s: Running;
  close(): Promise<void>;
}

export async function startWithPayments(): Promise<PaymentSetup> {
  // The simulator calls the receiver's IPN; the receiver needs the simulator's URL first.
  let receiver = '';
  const sim = await startVnpaySimulator({
    tmnCode: 'DVCTEST2',
    hashSecret: SECRET,
    ipnUrl: () => `${receiver}/api/payments/vnpay/ipn`,
  });
  const s = await start({
    verifySubmission: fakeVerify,
    payments: {
      agency: { name: 'UBND xã Thử Nghiệm', taxCode: '', receiptTemplate: '', receiptSeries: '' },
      vietqr: { bin: '970436', account: '0011001234567', accountName: '' },
      vnpay: { tmnCode: 'DVCTEST2', hashSecret: SECRET, payUrl: sim.payUrl },
      simulator: false,
    },
  });
  receiver = s.base;
  return {
    s,
    async close() {
      await s.close();
      await sim.close();
    },
  };
}

/** A dossier with a 50.000 đ fee: its code and the payment page the receiver answers with. */
export async function dossierWithFee(s: Running) {
  const fee = {
    total: 50000,
    currency: 'VND',
    items: [{ id: 'le-phi', amount: 50000, quantity: 1, subtotal: 50000, reductions: [] }],
  };
  const r = await postDossier(s.base, fakeJws(payload(await challenge(s.base), { fee })));
  return (await r.json()) as { dossierCode: string; paymentUrl: string };
}
