// Shared by the admin browser tests: the seeded admin's sign-in, pages that collect uncaught page
// errors, the Postgres and Redis the worker's steps are driven with (there is no worker in e2e),
// and drawing the designer's 2-section venue.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { E2E_REDIS_URL } from './e2e-env.ts';

/** The admin the demo seed creates. */
export const ADMIN = { email: 'admin@tessera.dev', password: 'Admin-pass-2026' };
export const SETTLE = { timeout: 20_000, interval: 250 };

/** Pages in fresh contexts (en-GB, UTC) whose uncaught errors land in `errors`. */
export const createPageTracker = (defaultViewport = { width: 1280, height: 900 }) => {
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  };
  return {
    errors,
    /** Collects the errors of a page opened some other way (e.g. in an existing context). */
    watch,
    open: async (browser: Browser, viewport = defaultViewport) => {
      const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'UTC' });
      contexts.push(context);
      return watch(await context.newPage());
    },
    closeAll: async () => {
      for (const context of contexts) await context.close();
    },
  };
};

/** Signs the seeded admin in; `beforeSubmit` runs on the filled form (e.g. a screenshot). */
export const signInAsAdmin = async (
  page: Page,
  { beforeSubmit }: { beforeSubmit?: () => Promise<unknown> } = {},
) => {
  await page.goto(`${inject('baseUrl')}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await beforeSubmit?.();
  await page.getByRole('button', { name: 'Sign in' }).click();
  // On a phone the name is hidden in the menu; the element is there on every width.
  await page.getByTestId('signed-in-user').waitFor({ state: 'attached' });
};

/** The e2e API's Postgres and Redis (its prefix), for driving the worker's steps from a test. */
export const openE2eStores = () => {
  const prisma = createPrismaClient({ databaseUrl: inject('databaseUrl'), poolSize: 2 });
  const redis = createRedisClient({ redisUrl: E2E_REDIS_URL });
  return {
    prisma,
    redis,
    store: { prisma, redis, prefix: inject('redisPrefix') },
    close: async () => {
      redis.disconnect();
      await prisma.$disconnect();
    },
  };
};

/**
 * On the venue designer (name and city already typed): a straight section (60 seats), then a
 * curved one (72) named "Circle" whose front row A becomes tier P1.
 */
export const drawTwoSectionVenue = async (page: Page) => {
  const previewCount = () => page.getByTestId('preview-count').textContent();
  await page.getByRole('button', { name: '+ Straight section' }).click();
  await expect.poll(previewCount, SETTLE).toBe('60 seats in 1 section(s)');
  await page.getByRole('button', { name: '+ Curved section' }).click();
  await expect.poll(previewCount, SETTLE).toBe('132 seats in 2 section(s)');
  const editor = page.getByTestId('section-editor');
  expect(await editor.getByLabel('Row shape').inputValue()).toBe('curved');
  await editor.getByLabel('Section name').fill('Circle');
  await editor.getByLabel('Select row').selectOption('A');
  await expect
    .poll(() => page.getByTestId('selection-summary').textContent(), SETTLE)
    .toBe('24 seats selected');
  await page.getByRole('toolbar', { name: 'Selected seats' }).getByLabel('Tier').selectOption('P1');
  await page.getByRole('button', { name: 'Assign tier' }).click();
};
