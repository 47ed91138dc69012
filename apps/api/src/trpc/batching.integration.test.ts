// Batched calls are capped so one HTTP request cannot fan out into unbounded work.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_BATCH_SIZE } from '../app.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let testApp: TestApp;
let baseUrl = '';

beforeAll(async () => {
  testApp = await startTestApp();
  baseUrl = await testApp.listen();
});

afterAll(async () => {
  await testApp.close();
});

const batchUrl = (size: number) => {
  const paths = Array.from({ length: size }, () => 'auth.me').join(',');
  const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, {}]));
  return `${baseUrl}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

it('accepts batches up to the limit and refuses larger ones', async () => {
  expect((await fetch(batchUrl(MAX_BATCH_SIZE))).status).toBe(200);
  expect((await fetch(batchUrl(MAX_BATCH_SIZE + 1))).status).toBe(400);
});
