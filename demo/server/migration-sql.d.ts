// Types of migration-sql.js for the TypeScript tests.
export declare function migrationForPostgres(sql: string): string;
