// Property-based fuzzing of every procedure of the router (enumerated from appRouter._def, so one
// added later is fuzzed too) over the real HTTP app, as an anonymous visitor, a fan and an admin,
// with inputs derived from its zod schema and just outside it. Properties: never a 5xx, and a
// refused call (4xx) leaves the database and the watched event's Redis seat state unchanged.
// FUZZ_SEED and FUZZ_RUNS override the fixed seed and runs per procedure (the seed is printed).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createSaleEvent } from '../testing/checkout-fixture.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { appRouter } from '../trpc/router.ts';
import { createRoleTokens, type Role } from '../testing/role-sessions.ts';
import { callOverHttp, stateFingerprint } from './hostile-http.ts';
import { hostile, validShaped, type ArbitraryHints } from './zod-arbitrary.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const ROLES: Role[] = ['anonymous', 'fan', 'admin'];

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.ZodType[];
}
const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>,
)
  .map(([path, procedure]) => ({ path, ...procedure._def }))
  .sort((a, b) => a.path.localeCompare(b.path));
const CALLABLE = PROCEDURES.filter((procedure) => procedure.type !== 'subscription');
const SUBSCRIPTIONS = PROCEDURES.filter((procedure) => procedure.type === 'subscription');

let testApp: TestApp;
let tokens: Record<Role, string | null>;
let watchedEventId = '';
let hints: ArbitraryHints;
let baseUrl = '';

beforeAll(async () => {
  console.warn(`fuzz seed ${SEED}, ${RUNS} runs per procedure (FUZZ_SEED / FUZZ_RUNS to change)`);
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
  tokens = await createRoleTokens(testApp);
  const sale = await createSaleEvent({ testApp, seatsPerRow: 6 });
  watchedEventId = sale.event.id;
  hints = {
    uuids: [sale.event.id, sale.venue.id],
    ints: [...sale.rowA, ...sale.rowB, ...sale.priceTiers.map((tier) => tier.id)],
  };
  // Load the event's seat state so the fingerprint watches live Redis keys, not an empty hash.
  const snapshot = await callOverHttp({
    testApp,
    path: 'seats.snapshot',
    type: 'query',
    input: { eventId: watchedEventId },
    token: tokens.fan,
  });
  expect(snapshot.status).toBe(200);
  expect(
    await testApp.redis.hlen(`${testApp.config.redisPrefix}{ev:${watchedEventId}}:seats`),
  ).toBe(sale.seats.length);
});

afterAll(async () => {
  await testApp?.close();
});

const inputArbitrary = (inputs: z.ZodType[]): fc.Arbitrary<unknown> => {
  const schema = inputs[0];
  if (!schema) {
    // No input declared: nothing, or junk a client should not be able to smuggle through.
    return fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }));
  }
  return fc.oneof(
    { weight: 1, arbitrary: validShaped(schema, hints) },
    { weight: 2, arbitrary: hostile(schema, hints) },
  );
};

describe('fuzzing every procedure with schema-derived and hostile inputs', () => {
  it('enumerates every query and mutation of the router', () => {
    expect(CALLABLE.length).toBeGreaterThan(35);
    expect(CALLABLE.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'auth.register',
        'holds.create',
        'checkout.pay',
        'admin.events.create',
      ]),
    );
  });

  it.each(CALLABLE.map((procedure) => [procedure.path, procedure] as const))(
    '%s: never a 5xx, a refused call changes nothing',
    async (path, procedure) => {
      // Logging out as the fixture roles would end their sessions for every later call.
      // Weighted towards the role that gets past authorization, so inputs reach the domain code.
      const roles: Role[] =
        path === 'auth.logout'
          ? ['anonymous']
          : [...ROLES, path.startsWith('admin.') ? 'admin' : 'fan', 'admin'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...roles),
          inputArbitrary(procedure.inputs),
          async (role, input) => {
            const before = await stateFingerprint(testApp, watchedEventId);
            const answer = await callOverHttp({
              testApp,
              path,
              type: procedure.type as 'query' | 'mutation',
              input,
              token: tokens[role],
            });
            expect(answer.status, `${role} ${answer.body.slice(0, 300)}`).toBeLessThan(500);
            if (answer.status >= 400) {
              expect(answer.body).not.toMatch(/"stack"|node_modules|\.ts:\d/);
              expect(
                await stateFingerprint(testApp, watchedEventId),
                `${role}: ${answer.body}`,
              ).toBe(before);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});

/** What a stream says first within `ms` (its `connected` event aside), or '' if it stays quiet. */
const openAndRead = async (path: string, input: unknown, token: string | null, ms = 300) => {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  let text = '';
  let status = 0;
  try {
    const response = await fetch(`${baseUrl}/trpc/${path}${query}`, {
      headers: token ? { cookie: `${testApp.config.sessionCookieName}=${token}` } : {},
      signal: controller.signal,
    });
    status = response.status;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (
        /event: serialized-error[\s\S]*\n\n/.test(text) ||
        /^data: /m.test(text.replace(/event: connected\ndata: .*\n/, ''))
      )
        break;
    }
    await reader.cancel().catch(() => {});
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { status, text };
};

describe('fuzzing every subscription over SSE', () => {
  it('enumerates the subscriptions of the router', () => {
    expect(SUBSCRIPTIONS.map((p) => p.path)).toEqual(
      expect.arrayContaining(['seats.onChange', 'waitingRoom.onUpdate']),
    );
  });

  it.each(SUBSCRIPTIONS.map((procedure) => [procedure.path, procedure] as const))(
    '%s: never a 5xx, in the status or in the stream',
    async (path, procedure) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROLES),
          inputArbitrary(procedure.inputs),
          async (role, input) => {
            const { status, text } = await openAndRead(path, input, tokens[role]);
            expect(status, text).toBeLessThan(500);
            expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|"httpStatus":5\d\d|"stack"/);
          },
        ),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
      );
    },
  );
});
