// Launches the OS Chromium through playwright-core (never a downloaded browser).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser, missingBrowserMessage } from './browsers.mjs';

export async function launchChromium(extraArgs = []) {
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error(missingBrowserMessage(['chromium']));
  process.env.HOME ??= mkdtempSync(join(tmpdir(), 'bench-home-'));
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')), ...extraArgs],
    headless: true,
  });
  return browser;
}
