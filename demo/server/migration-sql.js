// One source for the schema: the migrations in migrations/*.sql are written for SQLite and
// translated here for PostgreSQL when storage/postgres.js applies them (the statements the
// receiver runs are translated the same way, per statement, by toPostgres). The few rules:
//
// - `INTEGER PRIMARY KEY AUTOINCREMENT` (SQLite's 64-bit rowid) → `BIGSERIAL PRIMARY KEY`.
// - `BIGINT` is written in the source where a value is 64-bit (ids that reference such keys,
//   sizes, amounts): SQLite gives it the same integer affinity as INTEGER, PostgreSQL 8 bytes.
// - `COLLATE NOCASE` is dropped: the source adds the case-insensitive unique index PostgreSQL
//   needs instead, on a `-- postgres:` line.
// - A line `-- postgres: <sql>` is a comment for SQLite and `<sql>` for PostgreSQL (what only
//   PostgreSQL needs, such as an explicit insertion-order column where SQLite has its rowid).

/**
 * The PostgreSQL text of a SQLite migration.
 * @param {string} sql
 * @returns {string}
 */
export function migrationForPostgres(sql) {
  return sql
    .replace(/^(\s*)-- postgres: (.*)$/gm, '$1$2')
    .replace(/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/g, 'BIGSERIAL PRIMARY KEY')
    .replace(/ COLLATE NOCASE\b/g, '');
}
