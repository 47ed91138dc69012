// Environment pieces each app composes into its own schema; defaults fit a developer machine.
import { z } from 'zod';

export const ZDatabaseEnv = z.object({
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/tessera'),
});

export const ZRedisEnv = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  REDIS_PREFIX: z.string().default('tessera:'),
});

export const ZLogEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Parses `source` with `schema`; on failure prints one line per bad variable and exits. */
export const loadEnv = <T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<T> => {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  console.error(`Invalid environment configuration:\n${lines.join('\n')}`);
  process.exit(1);
};
