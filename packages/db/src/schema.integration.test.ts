// The migrated database must be exactly what schema.prisma describes, judged by Prisma's own
// reading of the schema (see testing/prisma-dmmf.ts), so the offline migration runner and a
// future `prisma migrate diff` agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { introspectDatabase, type DatabaseInfo } from './testing/introspect-database.ts';
import {
  columnOf,
  expectedColumnType,
  loadDatamodel,
  tableOf,
  type Datamodel,
  type DmmfModel,
} from './testing/prisma-dmmf.ts';
import { createTempDatabase, type TempDatabase } from './testing/temp-database.ts';

let db: TempDatabase;
let model: Datamodel;
let actual: DatabaseInfo;

beforeAll(async () => {
  db = await createTempDatabase({ baseUrl: process.env.DATABASE_URL! });
  await migrate(db.url);
  model = await loadDatamodel();
  actual = await introspectDatabase({ url: db.url });
});
afterAll(async () => {
  await db?.drop();
});

const modelNamed = (name: string) => model.models.find((m) => m.name === name)!;
const columnsOf = (m: DmmfModel, fieldNames: string[]) =>
  fieldNames.map((f) => columnOf(m.fields.find((x) => x.name === f)!));

// Prisma's default constraint actions and names (prisma.io docs: "default naming conventions").
const ACTION: Record<string, string> = {
  Cascade: 'c',
  Restrict: 'r',
  NoAction: 'a',
  SetNull: 'n',
  SetDefault: 'd',
};
const SUFFIX = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' } as const;

describe('the migrated database matches schema.prisma', () => {
  it('has a table for every model and no other tables but _prisma_migrations', () => {
    const expected = [...model.models.map(tableOf), '_prisma_migrations'].sort();
    expect([...actual.tables].sort()).toEqual(expected);
  });

  it('has exactly the scalar fields as columns, with Prisma’s type and nullability', () => {
    for (const m of model.models) {
      const expected = m.fields
        .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
        .map((f) => ({
          column: columnOf(f),
          type: expectedColumnType(f, model.enums),
          notNull: f.isRequired,
        }))
        .sort((a, b) => a.column.localeCompare(b.column));
      const columns = actual.columns
        .filter((c) => c.table === tableOf(m))
        .map(({ column, type, notNull }) => ({ column, type, notNull }))
        .sort((a, b) => a.column.localeCompare(b.column));
      expect({ table: tableOf(m), columns }).toEqual({ table: tableOf(m), columns: expected });
    }
  });

  it('has every enum type with exactly the schema’s values, in order', () => {
    const expected = Object.fromEntries(
      model.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
    );
    expect(actual.enums).toEqual(expected);
  });

  it('has the primary key, unique index and index of every @id, @unique, @@unique and @@index', () => {
    expect(model.indexes.some((i) => i.type === 'unique')).toBe(true);
    for (const index of model.indexes) {
      const m = modelNamed(index.model);
      const table = tableOf(m);
      const columns = columnsOf(
        m,
        index.fields.map((f) => f.name),
      );
      const name =
        index.dbName ??
        `${table}_${index.type === 'id' ? '' : `${columns.join('_')}_`}${SUFFIX[index.type]}`;
      expect(actual.indexes).toContainEqual({
        table,
        name,
        columns,
        unique: index.type === 'id' || index.type === 'unique',
        primary: index.type === 'id',
      });
    }
    const expectedCount = model.indexes.length;
    expect(actual.indexes.filter((i) => i.table !== '_prisma_migrations')).toHaveLength(
      expectedCount,
    );
  });

  it('has a foreign key for every relation, with the schema’s referential actions', () => {
    const relations = model.models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
        .map((f) => ({ m, f })),
    );
    for (const { m, f } of relations) {
      const target = modelNamed(f.type);
      const columns = columnsOf(m, f.relationFromFields!);
      // Prisma: required relations default to Restrict, optional ones to SetNull; updates cascade.
      const onDelete = f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull');
      expect(actual.foreignKeys).toContainEqual({
        table: tableOf(m),
        name: `${tableOf(m)}_${columns.join('_')}_fkey`,
        columns,
        refTable: tableOf(target),
        refColumns: columnsOf(target, f.relationToFields!),
        onDelete: ACTION[onDelete],
        onUpdate: ACTION[f.relationOnUpdate ?? 'Cascade'],
      });
    }
    expect(actual.foreignKeys).toHaveLength(relations.length);
  });
});
