// The simulated processor's test cards: success, decline, and a settlement after the hold lapsed.
import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@tessera/contracts/checkout';
import { createSimulatedCardProcessor } from './simulated-card-processor.ts';

const card = (cardNumber: string) => ({
  cardNumber,
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  name: 'Test Fan',
});
const charge = (cardNumber: string, paymentId = 'p-1') =>
  createSimulatedCardProcessor({ latencyMs: 0, now: () => 1_000 }).charge({
    paymentId,
    amountCents: 5000,
    currency: 'EUR',
    card: card(cardNumber),
    holdExpiresAt: 60_000,
  });

describe('simulated card processor', () => {
  it('documents exactly the three test cards', () => {
    expect(TEST_CARDS.map((c) => c.outcome)).toEqual(['SUCCEEDS', 'DECLINED', 'SUCCEEDS_LATE']);
  });

  it('settles the success card now and the late card just after the hold expires', async () => {
    expect(await charge('4242424242424242')).toMatchObject({
      status: 'SUCCEEDED',
      settledAt: 1_000,
    });
    expect(await charge('4000000000009995')).toMatchObject({
      status: 'SUCCEEDED',
      settledAt: 60_001,
    });
  });

  it('declines the decline card and any unknown number', async () => {
    expect(await charge('4000000000000002')).toEqual({
      status: 'DECLINED',
      reason: 'card_declined',
    });
    expect(await charge('5555555555554444')).toMatchObject({ status: 'DECLINED' });
  });

  it('answers a repeated charge of one payment with the first result', async () => {
    const processor = createSimulatedCardProcessor({ latencyMs: 0 });
    const request = {
      paymentId: 'p-2',
      amountCents: 100,
      currency: 'EUR',
      card: card('4242424242424242'),
      holdExpiresAt: Date.now() + 60_000,
    };
    expect(await processor.charge(request)).toEqual(await processor.charge(request));
  });
});
