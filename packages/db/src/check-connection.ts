// Start-up probe: one plain connection and `SELECT 1`, failing with a sentence a person can act on.
import pg from 'pg';
import { describeConnectionError } from './connection-error.ts';

export const assertPostgresReachable = async (databaseUrl: string): Promise<void> => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(describeConnectionError(error, databaseUrl));
  } finally {
    await client.end().catch(() => {});
  }
};
