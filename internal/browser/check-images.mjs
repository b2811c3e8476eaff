// node check-images.mjs PAGE ORIGIN MIN: opens PAGE in Chromium and checks that it shows at least MIN
// images besides inline placeholders (data: URIs, such as react-datocms' blurred base64), that every one was loaded from ORIGIN (Mediagraph, not a proxy of the site's) and decoded
// (naturalWidth > 0), and that its intrinsic size is the one its URL asked for: the width `w` (times
// `dpr`), and the height of `ar`, or else of the width/height attributes' ratio.
import { launch } from './launch.mjs';

const [page, origin, min] = process.argv.slice(2);
const browser = await launch();
let failed = false;
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on('pageerror', (e) => { console.error(`page error: ${e.message}`); failed = true; });
  await tab.goto(page, { waitUntil: 'load' });
  // Lazy images load once near the viewport: scroll through the page, then wait for every one.
  await tab.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await tab.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 60_000 });
  const images = await tab.evaluate(() => [...document.images].filter((i) => !i.currentSrc.startsWith('data:')).map((i) => ({
    src: i.currentSrc, naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight,
    width: Number(i.getAttribute('width')), height: Number(i.getAttribute('height')),
  })));
  if (images.length < Number(min)) {
    console.error(`${page}: ${images.length} images, want at least ${min}`);
    failed = true;
  }
  for (const img of images) {
    const problem = check(img);
    console.log(`${problem ? 'FAIL' : 'ok  '} ${img.naturalWidth}×${img.naturalHeight} ${img.src}${problem ? `: ${problem}` : ''}`);
    failed ||= Boolean(problem);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

function check(img) {
  if (!img.src.startsWith(`${origin}/media/`)) return `not loaded from ${origin}/media/`;
  if (img.naturalWidth === 0) return 'did not load';
  const q = new URL(img.src).searchParams;
  const w = Number(q.get('w')) * Number(q.get('dpr') ?? 1);
  if (!w) return 'its URL asks for no width';
  if (img.naturalWidth !== w) return `naturalWidth ${img.naturalWidth}, the URL asks for ${w}`;
  const [arW, arH] = (q.get('ar') ?? `${img.width}:${img.height}`).split(':').map(Number);
  const h = (w * arH) / arW;
  if (!(Math.abs(img.naturalHeight - h) <= 1)) return `naturalHeight ${img.naturalHeight}, want ${Math.round(h)}`;
  return '';
}
