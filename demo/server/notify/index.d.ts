// Types of notify/index.js, for the TypeScript tests and for the server's own JSDoc (an import of
// './index.js' resolves to this file).
import type { FastifyBaseLogger } from 'fastify';
import type { ServerOptions } from '../app.js';
import type { Storage } from '../storage/index.js';
import type { Keyring } from '../crypto-at-rest.js';
import type { ProcedureEntry } from '../procedures.js';
import type { NotifyEvent } from './messages.js';

export type NotifyConfig = NonNullable<ServerOptions['notify']>;
/** The notification settings from the environment (SMTP_URL, SMS_HTTP_URL…); throws on bad ones. */
export declare function loadNotifyConfig(env: Record<string, string | undefined>): NotifyConfig;

/** A way to reach the applicant: e-mail (email.js) or SMS (sms-http.js). */
export interface Channel {
  kind: 'email' | 'sms';
  /** Throws NotifyError (`permanent` when retrying cannot help). */
  send(to: string, message: { subject: string; text: string; sms: string }): Promise<void>;
  /**
   * Start-up check of the settings: throws a configuration error (one line naming the variable)
   * when retrying cannot help; resolves to a warning when the service cannot be used now.
   */
  check?(): Promise<string | undefined>;
  close(): void;
}

/** The notification queue and its sender. */
export interface Notifier {
  /** The channels configured. */
  kinds: Channel['kind'][];
  /** Queues the messages of an event, inside the caller's transaction; once per event and ref. */
  enqueue(tx: Storage, code: string, event: NotifyEvent, ref: string): Promise<void>;
  /** Sends what is due now; the number of messages handled. */
  runOnce(): Promise<number>;
  /**
   * The channels' start-up checks: throws on a wrong setting, logs a warning for the others.
   * The sender (start) waits for it, and does not start when it throws.
   */
  check(): Promise<void>;
  /** True while check() has not answered: /readyz says "starting". */
  readonly checking: boolean;
  start(): void;
  stop(): Promise<void>;
}

export declare function createNotifier(
  deps: {
    db: Storage;
    keyring: Keyring;
    procedures: ProcedureEntry[];
    now: () => Date;
    log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  },
  config: NotifyConfig & { channels?: Channel[] },
): Notifier;

export { notificationText } from './messages.js';
export { NotifyError } from './errors.js';
