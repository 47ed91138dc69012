// The worker's pino logger: JSON lines, level from LOG_LEVEL, secrets redacted, and the running
// job's queue, id and requestId on every line written inside a job.
import { logRedaction } from '@tessera/config/log-redaction';
import { pino, type DestinationStream, type Logger } from 'pino';
import { jobLogFields } from './job-context.ts';

export const createWorkerLogger = (
  { level }: { level: string },
  destination?: DestinationStream,
): Logger =>
  pino(
    { level, base: { service: 'worker' }, redact: logRedaction, mixin: jobLogFields },
    destination,
  );
