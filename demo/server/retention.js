// Retention (Decree 13/2023/NĐ-CP Art. 3 and 16: personal data kept no longer than its purpose
// needs, deleted on request where the law allows): each dossier gets `retain_until` from its
// procedure (`privacy.retentionDays`) or RETENTION_DAYS; a purge job deletes dossiers past it,
// and an admin deletes one on request. Deleting drops the wrapped data key first, so any copy of
// the ciphertext left in a backup or a WAL file is unreadable (crypto-shredding).
import { audit } from './audit.js';
import { encryptDossierFiles, sealLegacyDossiers } from './vault.js';
import { identifyingValues, secretHmac } from './secrets.js';

const DAY_MS = 86_400_000;

/**
 * @param {any} procedure
 * @param {Date} receivedAt
 * @param {{ retentionDays?: number }} config
 * @returns {string | null} ISO time, or null to keep (retention 0 = no automatic purge)
 */
export function retainUntil(procedure, receivedAt, config) {
  const own = procedure?.privacy?.retentionDays;
  const days = Number.isInteger(own) && own > 0 ? own : (config.retentionDays ?? 0);
  return days > 0 ? new Date(receivedAt.getTime() + days * DAY_MS).toISOString() : null;
}

/**
 * Deletes a dossier and everything about it except the audit trail (which records the deletion).
 * @param {{ db: import('./storage/index.js').Storage, uploadFiles: { objects: import('./storage/objects.js').ObjectStore } }} ctx
 * @param {string} code
 * @param {{ actor: string, ip?: string, reason: string, at: Date }} by
 * @returns {Promise<boolean>} false when there was no such dossier
 */
export async function deleteDossier({ db, uploadFiles }, code, by) {
  const files = /** @type {{ path: string }[]} */ (
    await db.prepare('SELECT path FROM uploads WHERE dossier_code = ?').all(code)
  );
  const deleted = await db.transaction(async (tx) => {
    if (!(await tx.prepare('SELECT 1 FROM dossiers WHERE code = ?').get(code))) return false;
    await tx.prepare('DELETE FROM dossier_keys WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossier_lookup_secrets WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossier_secrets WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossier_history WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM notifications WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM supplement_requests WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossier_search WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossier_notes WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM outbox WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM upload_keys WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM uploads WHERE dossier_code = ?').run(code);
    await tx.prepare('DELETE FROM dossiers WHERE code = ?').run(code);
    await audit(tx, by.at, {
      actor: by.actor,
      action: 'dossier.delete',
      outcome: 'success',
      dossier: code,
      ip: by.ip,
      detail: { reason: by.reason, files: files.length },
    });
    return true;
  });
  if (deleted) {
    for (const f of files) await uploadFiles.objects.remove(f.path);
  }
  return deleted;
}

/**
 * One run of the purge job: dossiers past their retention, audit records past
 * AUDIT_RETENTION_DAYS, sessions past their life; and files a crash left unencrypted.
 * @param {import('./app.js').Context} ctx
 */
export async function purge(ctx) {
  const { db } = ctx;
  const at = ctx.now();
  const due = /** @type {{ code: string }[]} */ (
    await db
      .prepare('SELECT code FROM dossiers WHERE retain_until IS NOT NULL AND retain_until <= ?')
      .all(at.toISOString())
  );
  let dossiers = 0;
  for (const { code } of due) {
    if (await deleteDossier(ctx, code, { actor: 'system', reason: 'retention', at })) dossiers++;
  }
  const auditDays = ctx.config.auditRetentionDays ?? 0;
  const auditRecords =
    auditDays > 0
      ? (
          await db
            .prepare('DELETE FROM audit_log WHERE at < ?')
            .run(new Date(at.getTime() - auditDays * DAY_MS).toISOString())
        ).changes
      : 0;
  const pending = /** @type {{ code: string }[]} */ (
    await db
      .prepare(
        'SELECT DISTINCT dossier_code AS code FROM uploads WHERE dossier_code IS NOT NULL AND encrypted = 0',
      )
      .all()
  );
  const legacy = await sealLegacyDossiers(
    db,
    ctx.keyring,
    (row) => {
      const entry = ctx.procedures?.find((p) => p.name === row.procedure_name);
      return entry ? identifyingValues(entry.procedure, JSON.parse(row.payload_json).answers) : [];
    },
    (code, value) => secretHmac(ctx.keyring.lookup.key, code, value),
  );
  let files = 0;
  for (const { code } of pending) files += await encryptDossierFiles(db, ctx.keyring, code);
  // File names older versions stored in clear (migration 009), once their keys exist.
  const namesSealed = ctx.uploadFiles ? await ctx.uploadFiles.sealLegacyNames() : 0;
  return { dossiers, auditRecords, filesEncrypted: files, legacySealed: legacy, namesSealed };
}

/**
 * Runs `purge` at start-up and then every `everyMinutes`; stopped when the server closes.
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 * @param {number} everyMinutes 0 = never (tests call purge() themselves)
 */
export function startPurgeJob(app, ctx, everyMinutes) {
  if (!everyMinutes) return;
  const run = () =>
    purge(ctx).then(
      (r) => {
        if (r.dossiers || r.auditRecords || r.filesEncrypted || r.legacySealed || r.namesSealed) {
          app.log.info(r, 'purge');
        }
      },
      (e) => app.log.error({ err: e }, 'purge failed'),
    );
  app.addHook('onReady', async () => void run());
  const timer = setInterval(run, everyMinutes * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
