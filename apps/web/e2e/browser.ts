// Launches the machine's Chromium through playwright-core (no browser download), or says how to get it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './e2e-env.ts';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const assertChromiumInstalled = () => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The browser journey needs it: ` +
        'run `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
};

export const launchBrowser = (): Promise<Browser> => {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
};
