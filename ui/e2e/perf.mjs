// The library's first render with the assets the server was seeded with, and the DOM while scrolling
// them all: virtualization keeps the asset nodes few however long the list.
import { cfg, launch, report, results, signIn, step } from './lib.mjs';

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
// Seeded assets have no bytes: their thumbnails are not asked for, so the figures are the UI's and the API's.
await page.route('**/media/**', (r) => r.abort());
try {
  await step('first render', async () => {
    await signIn(page);
    const t0 = Date.now();
    await page.reload();
    await page.locator('.card').first().waitFor();
    // From navigation start to the first asset card painted, measured by the page's own clock.
    const ms = await page.evaluate(() => performance.now());
    results.figures.firstRenderMs = Math.round(ms);
    results.figures.firstRenderWallMs = Date.now() - t0;
    results.figures.assetNodes = await page.locator('[data-asset]').count();
  });
  await step('scroll to the end', async () => {
    let max = 0;
    let maxAll = 0;
    for (let i = 0; i < 2000; i++) {
      const s = await page.evaluate(() => {
        const el = document.querySelector('.scroller');
        el.scrollTop += el.clientHeight * 3;
        return {
          nodes: document.querySelectorAll('[data-asset]').length,
          all: document.getElementsByTagName('*').length,
          end: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
          count: document.querySelector('.count')?.textContent,
          loaded: el.getAttribute('aria-label'),
        };
      });
      max = Math.max(max, s.nodes);
      maxAll = Math.max(maxAll, s.all);
      if (s.end && s.loaded === `Assets, ${cfg.expect} loaded`) break;
      await page.waitForTimeout(s.end ? 200 : 16);
    }
    results.figures.maxAssetNodes = max;
    results.figures.maxDomNodes = maxAll;
    results.figures.loaded = await page.locator('.scroller').getAttribute('aria-label');
  });
} finally {
  await browser.close();
  report();
}
