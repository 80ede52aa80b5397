#!/usr/bin/env node
// Clerk accounts and data housekeeping from the command line, on the server's DATA_DIR:
//
//   npm run clerk -- add <user> [--role clerk|admin] [--name "Họ tên"]   password asked (or stdin)
//                    [--procedures <id,id> | --all-procedures]   what a clerk sees (none by default)
//   npm run clerk -- grant <user> --procedures <id,id> | --all-procedures
//   npm run clerk -- revoke <user> --procedures <id,id> | --all-procedures
//   npm run clerk -- passwd <user>          new password (ends the user's sessions)
//   npm run clerk -- unlock <user>          lift a lock-out after failed log-ins
//   npm run clerk -- disable <user>         no more log-in; sessions and API keys end
//   npm run clerk -- list
//   npm run clerk -- api-key <user> [--label "…"]   prints a new key once (stored hashed)
//   npm run clerk -- revoke-key <id>
//   npm run clerk -- delete <dossier-code> --reason "…"   deletion on request (audited)
//   npm run clerk -- purge                  run the retention purge once
//   npm run clerk -- rewrap                 wrap every data key under the first MASTER_KEYS key
//   npm run clerk -- new-keys               prints a new MASTER_KEYS and LOOKUP_KEYS (no storage)
//
// The password is read without echo from the terminal, or as the first line of standard input
// (for scripts: `printf '%s\n' "$PW" | npm run clerk -- add an --role admin`). It never appears
// in the arguments, where `ps` and the shell history would show it.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PROCEDURES_DIR, loadConfig } from './config.js';
import { openStorage } from './storage/index.js';
import { createObjectStore } from './storage/objects.js';
import { join } from 'node:path';
import { accounts } from './auth.js';
import { loadKeyring, requireKeysWithDatabase } from './crypto-at-rest.js';
import { randomBytes } from 'node:crypto';
import { rewrapAll } from './vault.js';
import { rewrapUploadKeys } from './upload-files.js';
import { deleteDossier, purge } from './retention.js';
import { readProcedures } from './procedures.js';

const USAGE = `Cách dùng / usage: npm run clerk -- <lệnh> …
  add <user> [--role clerk|admin] [--name "Họ tên"] [--procedures <mã,mã> | --all-procedures]
  grant <user> --procedures <mã,mã> | --all-procedures
  revoke <user> --procedures <mã,mã> | --all-procedures
  passwd <user> | unlock <user> | disable <user> | list
  api-key <user> [--label "…"] | revoke-key <id>
  delete <mã hồ sơ> --reason "…" | purge | rewrap | new-keys`;

/** @param {string} prompt */
async function readPassword(prompt) {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const ask = async (/** @type {string} */ q) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Mute the echo: only the prompt is written.
    /** @type {any} */ (rl)._writeToOutput = (/** @type {string} */ s) => {
      if (s.includes(q)) process.stdout.write(q);
    };
    const answer = await new Promise((resolve) => rl.question(q, resolve));
    rl.close();
    process.stdout.write('\n');
    return /** @type {string} */ (answer);
  };
  const first = await ask(prompt);
  const again = await ask('Nhập lại mật khẩu / again: ');
  if (first !== again) throw new Error('Hai lần nhập mật khẩu không giống nhau.');
  return first;
}

/**
 * @param {string[]} argv
 * @param {{ out?: (line: string) => void, env?: Record<string, string | undefined>, password?: () => Promise<string>, proceduresDir?: string }} [io]
 *   `proceduresDir`: the receiver's procedures (its own folder unless a test gives another)
 */
export async function main(argv, io = {}) {
  const out = io.out ?? ((/** @type {string} */ l) => console.log(l));
  const [command, ...rest] = argv;
  /** @param {string} name */
  const option = (name) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  /** Options that take no value. */
  const FLAGS = ['--all-procedures'];
  const arg = rest.find(
    (a, i) =>
      !a.startsWith('--') && !(rest[i - 1]?.startsWith('--') && !FLAGS.includes(rest[i - 1])),
  );
  /** --procedures a,b and --all-procedures, as accounts() takes them. */
  const scope = () => ({
    procedures: (option('procedures') ?? '').split(',').filter((p) => p.trim()),
    allProcedures: rest.includes('--all-procedures'),
  });
  if (command === 'new-keys') {
    // For the secret store (docs/deployment.md): a key id of the day, 32 random bytes each.
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    out(`MASTER_KEYS=m${day}:${randomBytes(32).toString('base64')}`);
    out(`LOOKUP_KEYS=l${day}:${randomBytes(32).toString('base64')}`);
    return;
  }
  const config = loadConfig(io.env ?? process.env);
  // With PostgreSQL the keys of every receiver process, never keys generated here: said before
  // the database is opened.
  if (command === 'purge' || command === 'rewrap') requireKeysWithDatabase(config);
  const keyringOf = () => loadKeyring(config);
  // The receiver's own storage: the embedded database, or PostgreSQL with DATABASE_URL.
  const storage = await openStorage(config);
  const password = io.password ?? (() => readPassword('Mật khẩu / password: '));
  try {
    // The ids a grant may name: the procedures this receiver offers (its file names).
    const known = readProcedures(io.proceduresDir ?? DEFAULT_PROCEDURES_DIR, {
      warn: () => {},
    }).map((p) => p.name);
    const acc = accounts(storage, undefined, known);
    const need = () => {
      if (!arg) throw new Error(USAGE);
      return arg;
    };
    switch (command) {
      case 'add': {
        const user = need();
        const given = scope();
        const a = await acc.add({
          username: user,
          role: option('role') ?? 'clerk',
          displayName: option('name'),
          ...given,
          password: await password(),
        });
        out(`Đã tạo tài khoản ${a.username} (${a.role}).`);
        // A clerk given no procedure sees an empty desk, which reads as a fault on their first
        // day: say so here, with the command that gives them their procedures.
        if (a.role !== 'admin' && !given.allProcedures && !given.procedures.length) {
          out(
            `Tài khoản này chưa xem được hồ sơ nào cho đến khi được giao thủ tục / this account sees no dossier until given procedures: npm run clerk -- grant ${a.username} --procedures <mã,mã>`,
          );
        }
        break;
      }
      case 'grant': {
        const user = need();
        await acc.grant(user, scope());
        out(`Đã giao thủ tục cho ${user} / procedures granted: ${seen(await acc.list(), user)}`);
        break;
      }
      case 'revoke': {
        const user = need();
        await acc.revoke(user, scope());
        out(`Đã thu hồi thủ tục của ${user} / procedures revoked: ${seen(await acc.list(), user)}`);
        break;
      }
      case 'passwd':
        await acc.setPassword(need(), await password());
        out(`Đã đổi mật khẩu của ${arg}.`);
        break;
      case 'unlock':
        await acc.unlock(need());
        out(`Đã mở khoá ${arg}.`);
        break;
      case 'disable':
        await acc.disable(need());
        out(`Đã vô hiệu hoá ${arg}.`);
        break;
      case 'list':
        for (const a of /** @type {any[]} */ (await acc.list())) {
          out(
            `${a.username}\t${a.role}\t${a.displayName}\t${procedureList(a)}${a.disabledAt ? '\t(vô hiệu hoá)' : ''}`,
          );
        }
        break;
      case 'api-key': {
        const k = await acc.createApiKey(need(), option('label'));
        out(`Khoá API ${k.id} (chỉ hiện một lần / shown once):\n${k.key}`);
        break;
      }
      case 'revoke-key':
        await acc.revokeApiKey(need());
        out(`Đã thu hồi khoá ${arg}.`);
        break;
      case 'delete': {
        const reason = option('reason')?.trim();
        if (!reason) throw new Error('Cần --reason "lý do xoá".');
        const objects = createObjectStore({ dir: join(config.dataDir, 'uploads'), s3: config.s3 });
        const ok = await deleteDossier({ db: storage, uploadFiles: { objects } }, need(), {
          actor: 'admin-cli',
          reason,
          at: new Date(),
        });
        if (!ok) throw new Error(`Không có hồ sơ ${arg}.`);
        out(`Đã xoá hồ sơ ${arg}.`);
        break;
      }
      case 'purge': {
        const keyring = keyringOf();
        const r = await purge(
          /** @type {any} */ ({
            db: storage,
            config,
            keyring,
            now: () => new Date(),
            uploadFiles: {
              objects: createObjectStore({ dir: join(config.dataDir, 'uploads'), s3: config.s3 }),
            },
          }),
        );
        out(`Đã xoá ${r.dossiers} hồ sơ hết hạn lưu, ${r.auditRecords} bản ghi nhật ký.`);
        break;
      }
      case 'rewrap': {
        const keyring = keyringOf();
        const n = (await rewrapAll(storage, keyring)) + (await rewrapUploadKeys(storage, keyring));
        out(`Đã bọc lại ${n} khoá dữ liệu bằng khoá chính hiện tại.`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await storage.close();
  }
}

/**
 * What an account sees, as `list` shows it.
 * @param {{ role: string, allProcedures: number, procedures: string[] }} a
 */
function procedureList(a) {
  if (a.role === 'admin' || a.allProcedures) return 'mọi thủ tục / all procedures';
  return a.procedures.length ? a.procedures.join(',') : 'chưa có thủ tục / no procedure';
}

/**
 * @param {any[]} list
 * @param {string} user
 */
function seen(list, user) {
  const a = list.find((x) => x.username === user.trim().toLowerCase());
  return a ? procedureList(a) : '';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(/** @type {Error} */ (e).message);
    process.exit(1);
  });
}
