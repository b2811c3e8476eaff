// An infected upload in the media area: its card carries "threat detected", and its detail pane opens
// on a warning naming the threat instead of the preview.
import { axe, cfg, launch, report, shot, signIn, step } from './lib.mjs';

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
page.setDefaultTimeout(15000);
try {
  await step('the infected file shows threat detected', async () => {
    await signIn(page);
    const card = page.locator('.card', { has: page.locator('.name', { hasText: cfg.filename }) });
    await card.locator('.badge.threat', { hasText: 'threat detected' }).waitFor();
    await card.locator('[data-open]').click();
    const warning = page.locator('.detail .warning');
    await warning.waitFor();
    const text = await warning.innerText();
    if (!text.includes('Threat detected') || !text.includes(cfg.threat)) throw new Error('the warning says: ' + text);
    if (await page.locator('.detail .preview').count()) throw new Error('the preview shows behind the warning');
    await shot(page, 'threat');
    await axe(page, 'threat');
    return text;
  });
} finally {
  await browser.close();
  report();
}
