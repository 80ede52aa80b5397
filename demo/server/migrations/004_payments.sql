-- Fee payments (docs/payments.md). The fee itself is the verified payload's fee.total: the
-- rules' computation for that dossier, never an amount the browser sends afterwards.

-- When the fee was settled (any method); NULL = unpaid (or nothing to pay).
ALTER TABLE dossiers ADD COLUMN paid_at TEXT;

-- One row per attempt: a gateway redirect, a desk payment, a reconciled VietQR transfer.
CREATE TABLE payments (
  -- Our reference, sent to the gateway as the merchant order id (vnp_TxnRef).
  id TEXT PRIMARY KEY,
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  -- 'vnpay' (gateway), 'desk' (cash/card at the one-stop desk), 'transfer' (VietQR, reconciled).
  method TEXT NOT NULL,
  amount BIGINT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'VND',
  -- 'pending' → 'paid' | 'failed'; 'duplicate' = a second successful payment for a dossier
  -- already paid: money to refund, shown to the clerk.
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  settled_at TEXT,
  provider_transaction TEXT,
  bank_code TEXT,
  response_code TEXT,
  -- Electronic fee receipt number, set when the payment is confirmed.
  receipt_no TEXT UNIQUE,
  -- 'gateway' or 'clerk'.
  actor TEXT NOT NULL,
  note TEXT
  -- Insertion order, as SQLite's rowid (payments of one dossier are listed in it).
  -- postgres: , rowid BIGSERIAL
);
CREATE INDEX payments_dossier ON payments (dossier_code, created_at);

-- Server-side secrets generated on first use (e.g. the key of the payment links).
CREATE TABLE receiver_keys (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);
