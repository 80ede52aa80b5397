// Types of notify/index.js for the TypeScript tests.
import type { ServerOptions } from '../app.js';

export type NotifyConfig = NonNullable<ServerOptions['notify']>;
/** The notification settings from the environment (SMTP_URL, SMS_HTTP_URL…); throws on bad ones. */
export declare function loadNotifyConfig(env: Record<string, string | undefined>): NotifyConfig;
