// Procedures can be called without HTTP from plain dependencies (createContextInner + createCaller).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STRONG_PASSWORD, startTestApp, uniqueEmail, type TestApp } from '../testing/test-app.ts';
import { createApiDeps, createContextInner, type ApiDeps } from './context.ts';
import { createCallerFactory } from './init.ts';
import { appRouter } from './router.ts';

let testApp: TestApp;
let deps: ApiDeps;
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  testApp = await startTestApp();
  deps = createApiDeps(testApp);
});

afterAll(async () => {
  await testApp.close();
});

it('runs procedures with the session cookie the caller supplies', async () => {
  let issuedToken = '';
  const response = {
    setSessionCookie: (token: string) => void (issuedToken = token),
    clearSessionCookie() {},
    setHeader() {},
  };
  const anonymous = createCaller(createContextInner({ deps, response }));
  expect(await anonymous.auth.me()).toEqual({ user: null });

  const email = uniqueEmail('caller');
  await anonymous.auth.register({ email, name: 'Caller', password: STRONG_PASSWORD });
  expect(issuedToken).toMatch(/^[a-z2-7]{32}$/);

  const signedIn = createCaller(
    createContextInner({ deps, request: { sessionToken: issuedToken } }),
  );
  expect((await signedIn.auth.me()).user?.email).toBe(email);
  await expect(signedIn.admin.events.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
});
