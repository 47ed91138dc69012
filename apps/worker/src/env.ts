// The worker's environment, validated once at start-up; nothing else reads process.env.
import { ZDatabaseEnv, ZLogEnv, ZRedisEnv, loadEnv } from '@tessera/config/env';
import { z } from 'zod';

export const ZWorkerEnv = ZDatabaseEnv.extend(ZRedisEnv.shape)
  .extend(ZLogEnv.shape)
  .extend({
    /** How often the recurring purges run. */
    MAINTENANCE_EVERY_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(10 * 60_000),
    /** How often active events' change streams are fanned out to reconcile jobs. */
    RECONCILE_EVERY_MS: z.coerce.number().int().min(50).default(200),
    /** How often expired holds are swept (freed seats are announced within about this long). */
    SWEEP_EVERY_MS: z.coerce.number().int().min(50).default(300),
    /** Events reconciled in parallel by this process. */
    RECONCILE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /**
     * BullMQ lock of a running reconcile job and the stalled-job check period: a job whose worker
     * died (SIGKILL) is retried by another worker within about lock + interval. BullMQ's defaults.
     */
    RECONCILE_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    RECONCILE_STALLED_INTERVAL_MS: z.coerce.number().int().min(250).default(30_000),
    /** A pay attempt silent this long is resolved by the payment-recovery sweep; keep equal to the API's. */
    PAYMENT_LEASE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
    /** How often on-sale windows are opened/closed and waiting rooms admit their next fans. */
    WAITING_ROOM_EVERY_MS: z.coerce.number().int().min(100).default(1_000),
    /** Changes kept per event stream (XADD MAXLEN ~); keep equal to the API's setting. */
    SEAT_STREAM_MAX_LEN: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
    /** Prometheus scrapes GET /metrics here (0: any free port, logged at start). */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    WORKER_METRICS_HOST: z.string().default('0.0.0.0'),
  });
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export const loadWorkerEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv =>
  loadEnv(ZWorkerEnv, source);
