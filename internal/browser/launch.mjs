// Launches Debian's Chromium through playwright-core (no browser download): headless, and without the
// sandbox, which needs user namespaces a root CI container does not have.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
