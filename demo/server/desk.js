// The clerk's desk (docs/receiver.md#the-clerks-desk): the dossier list with search, filters,
// sorting by due date and overdue marking; a dossier's notes, deadline, documents with their
// hashes checked and signature status; the weekly report for administrators (page and CSV).
// Deadlines and the report are the engine's (src/dossier/desk.ts, from the built engine), on the
// working-day calendar of src/calendar.
import { audit, auditAs, routeAction } from './audit.js';
import { sendProblem } from './problems.js';
import { CODE_PATTERN } from './dossier-code.js';
import {
  deskDay,
  DOSSIER_STATUS_LABELS,
  dossierDeadline,
  RUNNING_STATUSES,
  weeklyReport,
} from './engine.js';
import { allSeeingClerks, grantedProcedures, scopeCondition } from './clerk-scope.js';
import { indexDossier, parseQuery, searchCondition, searchTerms } from './desk-search.js';
import { readDossier } from './vault.js';
import { valuesAt } from './secrets.js';
import { uploadIdFromUrl } from './uploads.js';

const NOTE_MAX = 2000;
const PAGE_SIZE = 100;
const REPORT_MAX_WEEKS = 53;
const SORTS = {
  due: 'expected_result_date ASC, received_at ASC, code',
  '-due': 'expected_result_date DESC, received_at DESC, code',
  received: 'received_at DESC, code',
};

/**
 * The desk's "today" (Vietnam) in SQL terms: a dossier is overdue when its clock runs and its
 * result date is before today — the same decision as dossierDeadline, so the filter and the
 * marks on the list agree.
 * @param {Date} now
 */
const deskToday = (now) => deskDay(now);

/**
 * The applicant's name as the list shows it: the first `fullName` beside an identifying field.
 * @param {any} procedure
 * @param {any} payload
 */
export function applicantName(procedure, payload) {
  const fields = procedure?.privacy?.identifyingFields;
  if (!Array.isArray(fields)) return undefined;
  for (const f of fields) {
    if (typeof f !== 'string') continue;
    const dot = f.lastIndexOf('.');
    const [v] = valuesAt(payload?.answers, dot < 0 ? 'fullName' : `${f.slice(0, dot)}.fullName`);
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return undefined;
}

/**
 * @typedef {object} DeskHelpers
 * @property {(request: import('fastify').FastifyRequest) => import('./auth.js').Principal} clerkOf
 * @property {(row: any) => Promise<Record<string, unknown>>} view the clerk's view of a row
 * @property {(payload: any) => unknown} deliveryMethod
 * @property {Readonly<Record<string, readonly string[]>>} transitions
 */

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 * @param {DeskHelpers} helpers
 */
export function registerDesk(app, ctx, helpers) {
  const { db } = ctx;
  const { clerkOf } = helpers;
  const procedureOf = (/** @type {string} */ name) => ctx.procedures.find((p) => p.name === name);

  // Dossiers received before the index existed (or while it failed) are indexed at start-up.
  app.addHook('onReady', async () => {
    await indexPending().catch((e) => app.log.error({ err: e }, 'search index not complete'));
    // Clerks who still read every procedure's dossiers (those from before the grants existed):
    // said at each start until an administrator gives them their procedures. A count, no names.
    const n = await allSeeingClerks(db);
    if (n > 0) {
      app.log.warn(
        { clerkAccountsSeeingAllProcedures: n },
        `${n} clerk account(s) still see the dossiers of every procedure: give each its own ` +
          '(npm run clerk -- grant <user> --procedures <id,id>, then revoke <user> --all-procedures; docs/receiver.md)',
      );
    }
  });
  async function indexPending() {
    const rows = await db.prepare('SELECT * FROM dossiers WHERE indexed_at IS NULL').all();
    for (const row of /** @type {any[]} */ (rows)) {
      const { payload } = await readDossier(db, ctx.keyring, row);
      const procedure = procedureOf(row.procedure_name)?.procedure;
      await db.transaction((tx) =>
        indexDossier(tx, ctx.keyring, row.code, procedure, payload, ctx.now()),
      );
    }
  }

  app.get('/api/clerk/dossiers', async (request, reply) => {
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const str = (/** @type {unknown} */ v) => (typeof v === 'string' ? v.slice(0, 200) : '');
    const now = ctx.now();
    const who = clerkOf(request);
    // Only the clerk's procedures, in the query itself (clerk-scope.js).
    const scope = scopeCondition(who);
    /** @type {string[]} */
    const where = [scope.sql];
    /** @type {unknown[]} */
    const params = [...scope.params];
    const procedure = str(q.procedure);
    if (procedure) {
      where.push('procedure_name = ?');
      params.push(procedure);
    }
    const status = str(q.status);
    if (status) {
      if (!Object.hasOwn(helpers.transitions, status))
        return sendProblem(request, reply, 'invalid-request');
      where.push('status = ?');
      params.push(status);
    }
    if (q.overdue === '1' || q.overdue === 'true') {
      where.push(`status IN (${RUNNING_STATUSES.map(() => '?').join(', ')})`);
      where.push('expected_result_date < ?');
      params.push(...RUNNING_STATUSES, deskToday(now));
    }
    if (q.assisted === '1' || q.assisted === 'true') where.push('assisted = 1');
    const search = parseQuery(q.q, CODE_PATTERN);
    if (search?.by === 'code') {
      where.push('code = ?');
      params.push(search.code);
    } else if (search) {
      const c = searchCondition(ctx.keyring, search.terms);
      where.push(c.sql);
      params.push(...c.params);
    }
    // Own members only: `sort=__proto__` must not put an inherited property into the SQL.
    const sortKey = str(q.sort);
    const sort =
      sortKey && Object.hasOwn(SORTS, sortKey)
        ? SORTS[/** @type {keyof typeof SORTS} */ (sortKey)]
        : SORTS.received;
    const rows = /** @type {any[]} */ (
      await db
        .prepare(
          `SELECT * FROM dossiers WHERE ${where.join(' AND ')}
           ORDER BY ${sort} LIMIT ${PAGE_SIZE + 1}`,
        )
        .all(...params)
    );
    const page = rows.slice(0, PAGE_SIZE);
    const dossiers = await Promise.all(
      page.map(async (row) => {
        // Only the page shown is decrypted (the search itself read hashes only).
        const { payload } = await readDossier(db, ctx.keyring, row);
        const name = applicantName(procedureOf(row.procedure_name)?.procedure, payload);
        return {
          ...(await helpers.view(row)),
          procedureName: row.procedure_name,
          ...(name ? { applicant: name } : {}),
          // How the result goes back: the method and postage only (docs/payments.md).
          delivery: helpers.deliveryMethod(payload),
          assisted: Boolean(payload.assistedBy),
          deadline: dossierDeadline(
            { status: row.status, expectedResultDate: row.expected_result_date },
            now,
          ),
          allowed: helpers.transitions[row.status] ?? [],
        };
      }),
    );
    // The list names applicants: a read of personal data, audited once per list with what was
    // searched by (never the words or numbers typed) and which dossiers it showed, so that a
    // dossier's audit records name every clerk who saw its applicant (audit.js listAudit).
    await audit(db, now, {
      actor: who.actor,
      action: 'dossier.list',
      outcome: 'success',
      ip: request.ip,
      detail: {
        count: dossiers.length,
        ...(search ? { search: search.by } : {}),
        dossiers: page.map((row) => row.code),
      },
    });
    const granted = await grantedProcedures(db, who);
    return {
      dossiers,
      more: rows.length > PAGE_SIZE,
      // The filter offers the clerk's own procedures only.
      procedures: ctx.procedures
        .filter((p) => !granted || granted.has(p.name))
        .map((p) => ({ name: p.name, title: p.procedure.title })),
      // An account given no procedure yet (a new clerk) sees nothing: said, so that the desk can
      // tell the clerk to ask an administrator rather than "no dossier". Only about the account
      // itself: nothing of the procedures or dossiers it may not read.
      ...(granted?.size === 0 ? { noProceduresGranted: true } : {}),
    };
  });

  app.post(
    '/api/clerk/dossiers/:code/notes',
    { bodyLimit: 16 * 1024, ...auditAs('dossier.note') },
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const body = /** @type {any} */ (request.body ?? {});
      const note = typeof body.note === 'string' ? body.note.trim().slice(0, NOTE_MAX) : '';
      if (!note) return sendProblem(request, reply, 'note-missing');
      const exists = await db.prepare('SELECT 1 FROM dossiers WHERE code = ?').get(code);
      if (!exists) return sendProblem(request, reply, 'clerk-dossier-not-found');
      const who = clerkOf(request);
      const now = ctx.now();
      await db.transaction(async (tx) => {
        await tx
          .prepare('INSERT INTO dossier_notes (dossier_code, actor, at, note) VALUES (?, ?, ?, ?)')
          .run(code, who.actor, now.toISOString(), note);
        await audit(tx, now, {
          actor: who.actor,
          action: routeAction(request),
          outcome: 'success',
          dossier: code,
          ip: request.ip,
          detail: { length: note.length },
        });
      });
      return reply.code(201).send({ notes: await notesOf(code) });
    },
  );

  /** @param {string} code */
  async function notesOf(code) {
    return db
      .prepare('SELECT actor, at, note FROM dossier_notes WHERE dossier_code = ? ORDER BY id')
      .all(code);
  }

  /**
   * What the dossier view adds to the stored payload: the procedure file to render it with, the
   * deadline, the clerks' notes, each stored file with its hash checked against the SHA-256 the
   * applicant signed, and the signature's status.
   * @param {any} row
   * @param {any} payload
   */
  async function detail(row, payload) {
    const entry = procedureOf(row.procedure_name);
    const files = /** @type {any[]} */ (
      await db
        .prepare(
          'SELECT id, slot, filename, type, size, sha256, path FROM uploads WHERE dossier_code = ? ORDER BY finished_at, id',
        )
        .all(row.code)
    );
    // The signed payload's document entries (src/verify PayloadDocument), as the applicant sent them.
    /** @type {({ url?: string, slot?: string, sha256?: string } | null)[]} */
    const documents = Array.isArray(payload.documents) ? payload.documents : [];
    const checked = await Promise.all(
      files.map(async (f) => {
        // The payload entry of this file: by its tus URL, else the slot's n-th multipart part.
        const signed =
          documents.find((d) => uploadIdFromUrl(d?.url) === f.id) ??
          documents.filter((d) => d?.slot === f.slot)[
            files.filter((g) => g.slot === f.slot).indexOf(f)
          ];
        const actual = await ctx.uploadFiles.sha256(f.id, f.path).catch(() => undefined);
        return {
          id: f.id,
          slot: f.slot,
          name: await ctx.uploadFiles.fileName(f),
          type: f.type,
          size: f.size,
          sha256: signed?.sha256 ?? f.sha256,
          // true: the stored bytes hash to what was signed; false: they do not; null: unreadable.
          hashOk: actual === undefined ? null : actual === (signed?.sha256 ?? f.sha256),
        };
      }),
    );
    const header = headerOf(row.jws_clear);
    return {
      procedureName: row.procedure_name,
      procedureFile: entry ? `/procedures/${entry.name}.json` : null,
      procedureSha256: entry?.sha256 ?? null,
      deadline: dossierDeadline(
        { status: row.status, expectedResultDate: row.expected_result_date },
        ctx.now(),
      ),
      notes: await notesOf(row.code),
      files: checked,
      // The receiver stores a dossier only after verifySubmission accepted its signature.
      signature: {
        status: 'verified',
        verifiedAt: row.received_at,
        kid: row.signer_kid ?? null,
        alg: header?.alg ?? null,
        procedureMatches: entry ? payload?.procedure?.sha256 === entry.sha256 : false,
      },
    };
  }

  app.get('/api/clerk/admin/report', async (request) => {
    return { lines: await report(request), labels: DOSSIER_STATUS_LABELS };
  });

  app.get('/api/clerk/admin/report.csv', async (request, reply) => {
    const lines = await report(request);
    const header = [
      'Tuần từ',
      'Đến',
      'Thủ tục',
      'Mã thủ tục',
      'Cơ quan',
      'Tiếp nhận',
      'Đúng hạn',
      'Trễ hạn',
      'Quá hạn chưa xử lý',
      'Đang xử lý',
    ];
    const body = lines.map((l) => [
      l.week,
      l.weekEnd,
      l.title,
      l.procedureCode,
      l.agency,
      l.received,
      l.onTime,
      l.late,
      l.overdue,
      l.open,
    ]);
    // UTF-8 with a byte-order mark: Excel opens Vietnamese text correctly only with it.
    const csv = `\uFEFF${[header, ...body].map(csvRow).join('\r\n')}\r\n`;
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="bao-cao-tuan-${deskToday(ctx.now())}.csv"`,
      )
      .send(csv);
  });

  /**
   * The weekly lines of the last `weeks` weeks (8 by default), with each procedure's title and
   * agency (the one-stop office that receives it).
   * @param {import('fastify').FastifyRequest} request
   */
  async function report(request) {
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const weeks = Math.min(Math.max(1, Number(q.weeks) || 8), REPORT_MAX_WEEKS);
    const now = ctx.now();
    const since = new Date(now.getTime() - (weeks * 7 + 7) * 86400_000).toISOString();
    // The report is for administrators (every procedure); should clerks ever read it, it counts
    // only their procedures, in the query itself (clerk-scope.js).
    const scope = scopeCondition(clerkOf(request), 'd.procedure_name');
    // The time each finished dossier reached its final status: its last history entry.
    const rows = /** @type {any[]} */ (
      await db
        .prepare(
          `SELECT d.procedure_name AS procedure, d.received_at AS "receivedAt",
             d.expected_result_date AS "expectedResultDate", d.status,
             (SELECT MAX(h.at) FROM dossier_history h
               WHERE h.dossier_code = d.code AND h.status = d.status) AS "closedAt"
           FROM dossiers d WHERE d.received_at >= ? AND ${scope.sql}`,
        )
        .all(since, ...scope.params)
    );
    const lines = weeklyReport(rows, now);
    const first = new Date(now.getTime() - weeks * 7 * 86400_000);
    const firstWeek = deskToday(first);
    return lines
      .filter((l) => l.weekEnd >= firstWeek)
      .map((l) => {
        const p = procedureOf(l.procedure)?.procedure;
        return {
          ...l,
          title: p?.title?.vi ?? l.procedure,
          procedureCode: p?.code ?? '',
          agency: p?.agency?.vi ?? '',
        };
      });
  }

  return { detail, indexPending };
}

/**
 * One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * A text field starting with = + - @ (or a tab/CR) is prefixed with ' so that a spreadsheet
 * never runs it as a formula (CSV injection; a procedure title is author text).
 * @param {unknown[]} fields
 */
export function csvRow(fields) {
  return fields
    .map((f) => {
      if (typeof f === 'number') return String(f);
      let s = String(f ?? '');
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/**
 * The protected header of a compact JWS (its algorithm), or undefined.
 * @param {unknown} jws
 */
function headerOf(jws) {
  if (typeof jws !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export { searchTerms };
