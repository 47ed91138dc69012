// Throwaway databases for tests that need a database of their own (fresh migrations, a full
// seed, the schema comparison), so they never touch the shared tessera_test data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDatabase } from '../migrate.ts';

export interface TempDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop: () => Promise<void>;
}

const withAdminClient = async <T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>) => {
  const url = new URL(baseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Creates an empty database `tessera_t_<random>` on the server of `baseUrl`. */
export const createTempDatabase = async ({
  baseUrl,
}: {
  baseUrl: string;
}): Promise<TempDatabase> => {
  const name = `tessera_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdminClient(baseUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
};
