// The simulated processor's Redis ledger as two processes see it (two connections, one prefix):
// a charge made by one is found by the other, a payment id is charged once however many charge
// it at once, a charge is refunded once, and every entry expires on its own after about a week.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysByPrefix } from '../infra/delete-keys.ts';
import { createRedisClient } from '../infra/redis-client.ts';
import { createSimulatedCardProcessor } from './simulated-card-processor.ts';
import {
  createRedisSimulatedLedger,
  SIMULATED_LEDGER_TTL_SECONDS,
} from './simulated-ledger.store.ts';

const redisUrl = process.env.REDIS_URL!;
const prefix = `test:${randomUUID()}:`;
const [apiRedis, workerRedis] = [createRedisClient({ redisUrl }), createRedisClient({ redisUrl })];
const processorOn = (redis: typeof apiRedis) =>
  createSimulatedCardProcessor({
    latencyMs: 0,
    ledger: createRedisSimulatedLedger({ redis, prefix }),
  });
const api = processorOn(apiRedis);
const worker = processorOn(workerRedis);

afterAll(async () => {
  await deleteKeysByPrefix(apiRedis, prefix);
  apiRedis.disconnect();
  workerRedis.disconnect();
});

const chargeRequest = (paymentId: string, cardNumber = '4242424242424242') => ({
  paymentId,
  amountCents: 2500,
  currency: 'EUR',
  card: { cardNumber, expMonth: 12, expYear: 2030, cvc: '123', name: 'Test Fan' },
  holdExpiresAt: Date.now() + 60_000,
});

describe('simulated card processor over the Redis ledger', () => {
  it('finds from another process the charge one made, and nothing for a payment it never saw', async () => {
    const paymentId = randomUUID();
    const charged = await api.charge(chargeRequest(paymentId));
    expect(charged.status).toBe('SUCCEEDED');
    expect(await worker.findCharge(paymentId)).toEqual(charged);
    expect(await worker.findCharge(randomUUID())).toBeNull();
    const declinedId = randomUUID();
    const declined = await api.charge(chargeRequest(declinedId, '4000000000000002'));
    expect(await worker.findCharge(declinedId)).toEqual(declined);
  });

  it('charges a payment id once when two processes charge it at the same time', async () => {
    const paymentId = randomUUID();
    const answers = await Promise.all([
      api.charge(chargeRequest(paymentId)),
      worker.charge(chargeRequest(paymentId)),
      api.charge(chargeRequest(paymentId)),
    ]);
    const kept = await worker.findCharge(paymentId);
    expect(answers).toEqual([kept, kept, kept]);
  });

  it('records a refund once, visible to every process', async () => {
    const charged = await api.charge(chargeRequest(randomUUID()));
    if (charged.status !== 'SUCCEEDED') throw new Error('the success card was declined');
    expect(await worker.ledger.isRefunded(charged.providerRef)).toBe(false);
    await worker.refund({ providerRef: charged.providerRef, amountCents: 2500 });
    expect(await api.ledger.isRefunded(charged.providerRef)).toBe(true);
    expect(await api.ledger.recordRefund(charged.providerRef, 2500)).toBe(false);
  });

  it('lets every entry expire after about a week', async () => {
    const paymentId = randomUUID();
    await api.charge(chargeRequest(paymentId));
    const ttl = await apiRedis.ttl(`${prefix}sim-pay:charge:${paymentId}`);
    expect(ttl).toBeGreaterThan(SIMULATED_LEDGER_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(SIMULATED_LEDGER_TTL_SECONDS);
  });
});
