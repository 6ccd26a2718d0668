import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Transaction } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

// The one door to the database. Services reach tables through the repositories in this folder, never
// through a driver, so that a PostgreSQL dialect can be added here without touching them.

export type Db = Kysely<Database>;
export type { Database } from './schema';

/**
 * A repository's write that a caller hands to another repository's transaction, so that both are stored
 * or neither is. It must do database work only: the connection is held until it settles.
 */
export type TransactionWrite = (trx: Transaction<Database>) => Promise<void>;

const defaultUrl = 'data/certdesk.db';

/** The SQLite file named by DATABASE_URL (`file:` prefix optional), or ':memory:'. */
export function databaseFile(url = process.env.DATABASE_URL?.trim() || defaultUrl): string {
  if (url === ':memory:') return url;
  if (/^[a-z][\w+.-]*:\/\//i.test(url))
    throw new Error(`DATABASE_URL: only SQLite files are supported, not ${url.split(':')[0]}`);
  return resolve(url.replace(/^(file|sqlite):/, ''));
}

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers go on while a write commits; the busy timeout waits out another process's lock
  // instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
}

async function open(file: string): Promise<Db> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file) }) });
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

// Kept on globalThis so that dev-mode module reloads share one connection.
const state = globalThis as typeof globalThis & { __certdeskDb?: Promise<Db> };

/** The database, opened and migrated on first use. */
export function getDb(): Promise<Db> {
  state.__certdeskDb ??= open(databaseFile()).catch((error: unknown) => {
    state.__certdeskDb = undefined;
    throw error;
  });
  return state.__certdeskDb;
}

/** Closes the database; the next getDb() opens it again (tests use this to simulate a restart). */
export async function closeDb(): Promise<void> {
  const pending = state.__certdeskDb;
  state.__certdeskDb = undefined;
  if (pending) await (await pending).destroy();
}

/** Whether `error` is the database refusing a duplicate in a unique column. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
