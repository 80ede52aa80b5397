// Types of scripts/postgres.mjs for the TypeScript tests.
/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest Debian PostgreSQL. */
export declare function findPostgres(): string | undefined;
/** The PostgreSQL binaries, installing Debian's package when allowed. */
export declare function ensurePostgres(): string | undefined;
/** A free TCP port on 127.0.0.1. */
export declare function freePort(): Promise<number>;
/** A new cluster; `url` connects to its `postgres` database as the superuser `dvc`. */
export declare function startPostgres(bin: string): Promise<{ url: string; stop: () => void }>;
