import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';
import { createTempDatabase, type TempDatabase } from './testing/temp-database.ts';

const baseUrl = process.env.DATABASE_URL!;
const databases: TempDatabase[] = [];
let scratch: string;

const freshDatabase = async () => {
  const db = await createTempDatabase({ baseUrl });
  databases.push(db);
  return db;
};

const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}
const recorded = (url: string) =>
  query<MigrationRow>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');

/** The migrations on disk, named and checksummed here rather than by the runner. */
const onDisk = async (dir: string) => {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  return Promise.all(
    names.sort().map(async (name) => ({
      name,
      checksum: createHash('sha256')
        .update(await readFile(join(dir, name, 'migration.sql')))
        .digest('hex'),
    })),
  );
};

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tessera-migrations-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

describe('migrate', () => {
  it('applies every migration to a fresh database and records it as prisma migrate deploy would', async () => {
    const db = await freshDatabase();
    const expected = await onDisk(MIGRATIONS_DIR);
    expect(expected.length).toBeGreaterThan(0);

    const result = await migrate(db.url);

    expect(result).toEqual({ applied: expected.map((m) => m.name), alreadyApplied: [] });
    const rows = await recorded(db.url);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
      expected.map((m) => [m.name, m.checksum]),
    );
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing on a second run', async () => {
    const db = await freshDatabase();
    await migrate(db.url);
    const before = await recorded(db.url);

    const result = await migrate(db.url);

    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toEqual(before.map((r) => r.migration_name));
    expect(await recorded(db.url)).toEqual(before);
  });

  it('applies only a migration added later', async () => {
    const db = await freshDatabase();
    await cp(MIGRATIONS_DIR, scratch, { recursive: true });
    await migrate(db.url, scratch);
    await mkdir(join(scratch, '29990101000000_add_probe'));
    await writeFile(
      join(scratch, '29990101000000_add_probe', 'migration.sql'),
      'CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY);\n',
    );

    const result = await migrate(db.url, scratch);

    expect(result.applied).toEqual(['29990101000000_add_probe']);
    expect(await query(db.url, 'SELECT * FROM "probe"')).toEqual([]);
  });

  it('refuses to run when an applied migration file has changed since', async () => {
    const db = await freshDatabase();
    await cp(MIGRATIONS_DIR, scratch, { recursive: true });
    await migrate(db.url, scratch);
    const [first] = await onDisk(scratch);
    await appendFile(join(scratch, first!.name, 'migration.sql'), '\n-- edited after the fact\n');
    await mkdir(join(scratch, '29990101000000_after_edit'));
    await writeFile(
      join(scratch, '29990101000000_after_edit', 'migration.sql'),
      'CREATE TABLE "after_edit" ("id" INTEGER);\n',
    );

    await expect(migrate(db.url, scratch)).rejects.toThrow(`${first!.name} was modified`);
    const tables = await query(db.url, `SELECT 1 FROM pg_tables WHERE tablename = 'after_edit'`);
    expect(tables).toEqual([]);
  });

  it('accepts an applied migration whose file only changed line endings', async () => {
    const db = await freshDatabase();
    await cp(MIGRATIONS_DIR, scratch, { recursive: true });
    await migrate(db.url, scratch);
    const [first] = await onDisk(scratch);
    const file = join(scratch, first!.name, 'migration.sql');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll('\n', '\r\n'));

    expect((await migrate(db.url, scratch)).alreadyApplied).toContain(first!.name);
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const db = await freshDatabase();
    await mkdir(join(scratch, '20000101000000_broken'));
    await writeFile(
      join(scratch, '20000101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n',
    );

    await expect(migrate(db.url, scratch)).rejects.toThrow('20000101000000_broken failed');
    expect(await recorded(db.url)).toEqual([]);
    expect(await query(db.url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual(
      [],
    );
  });

  it('applies each migration once when two runs start together', async () => {
    const db = await freshDatabase();
    const expected = await onDisk(MIGRATIONS_DIR);

    const results = await Promise.all([migrate(db.url), migrate(db.url)]);

    const applied = results.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(expected.map((m) => m.name));
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(
      expected.map((m) => m.name),
    );
  });
});
