// node visit.mjs URL: opens URL, waits for the page to set window.mediagraphResult, prints it as JSON
// on stdout; the page's console and errors go to stderr.
import { launch } from './launch.mjs';

const url = process.argv[2];
const browser = await launch();
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.error(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.mediagraphResult !== undefined, null, { timeout: 90_000 });
  process.stdout.write(JSON.stringify(await page.evaluate(() => window.mediagraphResult)));
} finally {
  await browser.close();
}
