// Injection over the real HTTP app: SQL-looking and HTML/script strings in every text field a fan
// or an admin can set (user name, venue name/city/address, tier and section names, event title,
// description and city) are stored and answered verbatim as JSON, and searching with them finds
// only rows that contain them literally. The browser side (React escaping) is the web app's e2e.
import { block, layoutDocument, section } from '@tessera/core/layouts/layout-test-documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, startTestApp, uniqueEmail, type TestApp } from '../testing/test-app.ts';
import { createRoleTokens, type Role } from '../testing/role-sessions.ts';
import { callOverHttp } from './hostile-http.ts';

const PAYLOADS = [
  "Robert'); DROP TABLE users; --",
  "%' OR 1=1 --",
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '_%\\',
] as const;

let testApp: TestApp;
let tokens: Record<Role, string | null>;

beforeAll(async () => {
  testApp = await startTestApp();
  tokens = await createRoleTokens(testApp);
});

afterAll(async () => {
  await testApp?.close();
});

/** Calls and answers the parsed data, after checking it travelled as JSON. */
const call = async (
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  role: Role = 'admin',
) => {
  const answer = await callOverHttp({ testApp, path, type, input, token: tokens[role] });
  expect(answer.status, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { result: { data: Record<string, unknown> } }).result.data;
};

const tag = (payload: string, i: number) => `${payload} #${i}-${Date.now().toString(36)}`;

describe('hostile strings in text fields', () => {
  it.each(PAYLOADS.map((payload, i) => [payload, i] as const))(
    'a fan registering as %s gets that exact name back',
    async (payload, i) => {
      const name = tag(payload, i);
      const answer = await callOverHttp({
        testApp,
        path: 'auth.register',
        type: 'mutation',
        input: { email: uniqueEmail('inject'), name, password: STRONG_PASSWORD },
        token: null,
      });
      expect(answer.status, answer.body).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const { user } = (JSON.parse(answer.body) as { result: { data: { user: { id: string } } } })
        .result.data;
      const stored = await testApp.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.name).toBe(name);
      expect(JSON.parse(answer.body).result.data.user.name).toBe(name);
    },
  );

  it.each(PAYLOADS.map((payload, i) => [payload, i] as const))(
    'a venue and an event named %s are stored, answered and searched verbatim',
    async (payload, i) => {
      const text = tag(payload, i);
      const document = layoutDocument({
        tiers: [{ code: 'A', name: text, color: '#e11d48', defaultPriceCents: 5000 }],
        sections: [section({ name: text, blocks: [block({ seatsPerRow: 3 })] })],
      });
      const venue = await call('admin.venues.create', 'mutation', {
        details: { name: text, city: text, address: text },
        document,
      });
      const detail = await call('admin.venues.get', 'query', { venueId: venue.id });
      expect(detail.venue).toMatchObject({ name: text, city: text, address: text });
      expect((detail.document as typeof document).sections[0]!.name).toBe(text);
      expect((detail.tiers as Array<{ name: string }>)[0]!.name).toBe(text);

      const created = await call('admin.events.create', 'mutation', {
        title: text,
        description: `${text}\n${payload}`,
        category: 'CONCERT',
        city: text,
        venueId: venue.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        imageUrl: '',
        prices: [],
      });
      const event = await call('admin.events.get', 'query', { id: created.id });
      expect(event).toMatchObject({ title: text, description: `${text}\n${payload}`, city: text });
      await call('admin.events.publish', 'mutation', { id: created.id });
      const publicEvent = await call('events.get', 'query', { id: created.id }, 'anonymous');
      expect(publicEvent).toMatchObject({ title: text, city: text });

      // The search treats the string as text: only events that contain it literally come back.
      for (const q of [text, payload]) {
        const { items } = await call('events.list', 'query', { q, limit: 50 }, 'anonymous');
        const found = items as Array<{ id: string; title: string; city: string }>;
        expect(found.map((e) => e.id)).toContain(created.id);
        for (const other of found) {
          const row = await testApp.prisma.event.findUniqueOrThrow({
            where: { id: other.id },
            include: { venue: true },
          });
          const haystack = [row.title, row.description, row.city, row.venue.name]
            .join('\n')
            .toLowerCase();
          expect(haystack).toContain(q.toLowerCase());
        }
      }
      const orders = await call('admin.orders.list', 'query', { q: payload, limit: 50 });
      for (const order of orders.items as Array<{ user: { email: string } }>) {
        expect(order.user.email.toLowerCase()).toContain(payload.toLowerCase());
      }
    },
  );
});
