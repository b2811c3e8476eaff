// The editors' scenario of the media area, in Chromium against a real serve: sign in, upload files and
// a folder, search, bulk-tag, drag into a collection, localized alt with its fallback, focal point,
// replace and restore, table sorting, live updates in a second browser, axe-core and screenshots.
import { axe, cfg, gql, launch, report, results, shot, signIn, step, watch } from './lib.mjs';

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
const page = await ctx.newPage();
page.setDefaultTimeout(10000);
watch(page);
const logs = [];
page.on('console', (m) => m.type() === 'error' && logs.push(m.text()));
page.on('pageerror', (e) => logs.push(String(e)));
const fx = (n) => `${cfg.fixtures}/${n}`;
const card = (name) => page.locator('.card', { has: page.locator('.name', { hasText: name }) });
// Opens an asset's detail from its card once the list has its network answer: a live event (an upload
// elsewhere) refetches the list, and in newest-first order a new card moves every other one under the
// pointer, so a click then would open another asset.
const open = async (name, timeout = 10000) => {
  await page.locator('.content[aria-busy="false"]').waitFor({ timeout });
  await card(name).locator('[data-open]').click();
  const heading = page.locator('.detail h2', { hasText: name });
  await heading.waitFor({ timeout }).catch(async (e) => {
    throw new Error(`opening ${name} shows "${await page.locator('.detail h2').textContent().catch(() => null)}": ${e.message}`);
  });
};
const assetByName = async (name) =>
  (await gql('query($f: AssetFilter) { assets(filter: $f) { nodes { id filename version size tags { name } collection { name } defaultFieldMetadata { locale alt focalPoint { x y } } } } }',
    { f: { filename: { matches: name } } })).assets.nodes[0];

try {
  await step('sign in with an API token', async () => {
    await page.goto(cfg.url + '/');
    await shot(page, 'signin');
    await axe(page, 'signin');
    await signIn(page);
  });

  await step('upload four files with progress and thumbnails', async () => {
    await page.locator('label:has-text("Upload files") input[type=file]').setInputFiles(['photo-12mp.jpg', 'alpha.png', 'clip.mp4', 'tone.mp3'].map(fx));
    await page.locator('.uploads li').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.uploads li[data-state="done"], .uploads li[data-state="duplicate"]').length >= 4, null, { timeout: 60000 });
    const bad = await page.locator('.uploads li[data-state="failed"]').allTextContents();
    if (bad.length) throw new Error('failed uploads: ' + bad.join(' | '));
    await card('alpha.png').locator('img.in').waitFor({ timeout: 30000 });
    await card('tone.mp3').waitFor();
    await shot(page, 'library-uploaded');
    return { progressBars: await page.locator('.uploads progress').count() };
  });

  await step('upload a folder of two files into a collection named after it', async () => {
    await page.locator('label:has-text("Upload folder") input[type=file]').setInputFiles(cfg.folder);
    await page.waitForFunction(() => document.querySelectorAll('.uploads li[data-state="done"]').length >= 6, null, { timeout: 60000 });
    const a = await assetByName('focal-red-square');
    if (a?.collection?.name !== 'trip') throw new Error('the folder file is in ' + JSON.stringify(a?.collection));
    await page.locator('[data-collection="trip"]').waitFor();
  });

  await step('search "cathedral" finds the photo', async () => {
    await page.getByRole('searchbox').fill('cathedral');
    try {
      await page.waitForFunction(() => {
        const names = [...document.querySelectorAll('.card .name')].map((n) => n.textContent);
        return names.length === 1 && names[0] === 'photo-12mp.jpg';
      });
      await shot(page, 'search');
    } catch (e) {
      const names = await page.locator('.card .name').allTextContents();
      throw new Error(`cards ${JSON.stringify(names)} for "cathedral": ${e}`);
    } finally {
      await page.getByRole('searchbox').fill('');
    }
    await card('alpha.png').waitFor();
  });

  await step('bulk-tag two assets', async () => {
    // The list settles first (the cleared search refetches it), so the clicks land on the cards named.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Select alpha.png').check();
    await page.getByLabel('Select clip.mp4').check();
    await page.locator('.bulk', { hasText: '2 selected' }).waitFor();
    await page.getByLabel('Tags', { exact: true }).fill('hero');
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    await page.getByText('Tagged: 2 assets').waitFor();
    await shot(page, 'bulk');
    for (const n of ['alpha', 'clip']) {
      const a = await assetByName(n);
      if (!a.tags.some((t) => t.name === 'hero')) throw new Error(n + ' is not tagged: ' + JSON.stringify(a.tags));
    }
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  await step('drag an asset into a collection', async () => {
    await card('tone.mp3').dragTo(page.locator('[data-collection="trip"]'));
    for (let i = 0; i < 50; i++) {
      if ((await assetByName('tone'))?.collection?.name === 'trip') return;
      await page.waitForTimeout(100);
    }
    throw new Error('tone.mp3 is not in trip: ' + JSON.stringify((await assetByName('tone')).collection));
  });

  await step('Italian alt, shown as the German fallback', async () => {
    await open('photo-12mp.jpg');
    await page.getByLabel('Alt it').fill("Duomo all'alba");
    await page.getByRole('button', { name: 'Save texts' }).click();
    await page.locator('.detail [role=status]', { hasText: 'Saved' }).first().waitFor();
    const fb = await page.locator('[data-fallback="de.alt"]').textContent();
    if (!fb?.includes("Duomo all'alba") || !fb.includes('it')) throw new Error('German shows ' + fb);
    await page.getByLabel('As delivered in').selectOption('de');
    await page.locator('[data-served-alt="de"]', { hasText: "Duomo all'alba" }).waitFor().catch(async (e) => {
      const served = await page.locator('[data-served-alt="de"]').textContent();
      const api = await gql('query($id: ID!) { asset(id: $id) { de: alt(locale: "de") it: alt(locale: "it") en: alt(locale: "en") } }', { id: (await assetByName('photo-12mp')).id });
      throw new Error(`the UI shows the German alt as delivered: "${served}", the API: ${JSON.stringify(api)}: ${e}`);
    });
    await shot(page, 'detail');
    await axe(page, 'detail');
    return fb;
  });

  await step('move the focal point and see the crop follow', async () => {
    const crop = page.locator('img[data-crop="16:9"]');
    const before = await crop.evaluate((e) => e.style.objectPosition);
    const box = await page.locator('.focal').boundingBox();
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.waitForFunction((b) => document.querySelector('img[data-crop="16:9"]').style.objectPosition !== b, before);
    const after = await crop.evaluate((e) => e.style.objectPosition);
    for (let i = 0; i < 50; i++) {
      const fp = (await gql('query($id: ID!) { asset(id: $id) { focalPoint { x y } } }', { id: (await assetByName('photo-12mp')).id })).asset.focalPoint;
      if (fp && Math.abs(fp.x - 0.2) < 0.03 && Math.abs(fp.y - 0.3) < 0.03) return { before, after, fp };
      await page.waitForTimeout(100);
    }
    throw new Error('the focal point was not saved near 0.2, 0.3');
  });

  await step('replace an image, then restore version 1', async () => {
    await page.keyboard.press('Escape');
    const original = await assetByName('alpha');
    await open('alpha.png');
    await page.locator('label:has-text("Replace file") input[type=file]').setInputFiles(fx('focal-red-square.png'));
    await page.locator('[data-version="2"] strong', { hasText: 'current' }).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Restore v1' }).click();
    await page.locator('[data-version="3"] strong', { hasText: 'current' }).waitFor({ timeout: 30000 });
    const now = await assetByName('alpha');
    if (now.version !== 3 || now.size !== original.size) throw new Error(`after restore: version ${now.version}, size ${now.size} (v1 ${original.size})`);
    await shot(page, 'versions');
    await page.keyboard.press('Escape');
  });

  await step('the table view sorts by size', async () => {
    await page.getByRole('button', { name: 'table' }).click();
    await page.getByRole('button', { name: /^Size/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'SIZE_ASC');
    const sizes = async () => {
      await page.waitForTimeout(300);
      return page.evaluate(() => [...document.querySelectorAll('[role=row][data-asset]')].map((r) => r.dataset.asset));
    };
    const ids = async () => sizes();
    const ascIds = await ids();
    const all = (await gql('{ assets(first: 100, orderBy: SIZE_ASC) { nodes { id } } }')).assets.nodes.map((n) => n.id);
    if (JSON.stringify(ascIds) !== JSON.stringify(all)) throw new Error(`rows ${ascIds} vs API ${all}`);
    await page.getByRole('button', { name: /^Size/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'SIZE_DESC');
    const descIds = await ids();
    if (JSON.stringify(descIds) !== JSON.stringify([...all].reverse())) throw new Error(`descending rows ${descIds}`);
    await shot(page, 'table');
    await axe(page, 'table');
    return { rows: ascIds.length };
  });

  await step('a second browser sees an upload from the first without reload', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const p2 = await other.newPage();
    await signIn(p2);
    await p2.locator('.card').first().waitFor();
    await p2.locator('html[data-live="connected"]').waitFor();
    await page.getByRole('button', { name: 'grid' }).click();
    await page.locator('label:has-text("Upload files") input[type=file]').setInputFiles(fx('anim.gif'));
    await p2.locator('.card .name', { hasText: 'anim.gif' }).waitFor({ timeout: 30000 });
    await other.close();
  });

  await step('a duplicate upload is reported as already in the library', async () => {
    await page.getByRole('button', { name: 'Clear finished' }).click();
    await page.locator('label:has-text("Upload files") input[type=file]').setInputFiles(fx('alpha.png'));
    await page.locator('.uploads li[data-state="duplicate"]', { hasText: 'already in the library' }).waitFor({ timeout: 30000 });
    const n = (await gql('{ assets(filter: { filename: { matches: "alpha" } }) { totalCount } }')).assets.totalCount;
    if (n !== 1) throw new Error(`${n} assets named alpha`);
  });

  await step('keyboard: Tab reaches the assets, arrows move between them, Enter opens one', async () => {
    const first = page.locator('[data-index="0"] [data-open]');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index'));
    if (focused !== '1') throw new Error('ArrowRight focused item ' + focused);
    await page.keyboard.press('Enter');
    await page.locator('.detail h2').waitFor();
    const visible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    await page.keyboard.press('Escape');
    await page.locator('.detail').waitFor({ state: 'detached' });
    return { focusOutline: visible };
  });

  await step('deleting a collection with content shows FOLDER_HAS_CONTENT', async () => {
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete trip' }).click();
    const alert = page.locator('.sidebar [role=alert]', { hasText: 'FOLDER_HAS_CONTENT' });
    await alert.waitFor();
    return await alert.textContent();
  });

  await step('delete to the trash, restore from it', async () => {
    await page.getByLabel('Select anim.gif').click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await card('anim.gif').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByLabel('Select anim.gif').click();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await card('anim.gif').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Library' }).click();
    await card('anim.gif').waitFor();
  });

  // An admin's tab: the members page invites a member (the link is shown to pass on) and creates a role.
  const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const admin = await adminCtx.newPage();
  admin.setDefaultTimeout(10000);
  admin.on('pageerror', (e) => logs.push('admin page: ' + String(e)));
  const member = { email: 'ed@example.com', password: 'correct horse battery' };
  let invitation = '';
  await step('members page: invite shows the link, a role is created with its permissions', async () => {
    await admin.goto(cfg.url + '/');
    await admin.getByLabel('API token', { exact: true }).fill(cfg.admin);
    await admin.getByRole('button', { name: 'Use token' }).click();
    await admin.getByRole('heading', { name: 'Library' }).waitFor();
    await admin.getByRole('link', { name: 'Members' }).click();
    await admin.getByRole('heading', { name: 'Members and roles' }).waitFor();
    await admin.locator('[data-role="Editor"]').waitFor();
    await admin.getByLabel('Email').fill(member.email);
    await admin.getByLabel('Name', { exact: true }).fill('Ed Itor');
    await admin.locator('select[name=roleId]').selectOption({ label: 'Editor' });
    await admin.getByRole('button', { name: 'Invite' }).click();
    invitation = (await admin.locator('[data-invitation]').textContent()) ?? '';
    if (!invitation.includes('/invite/')) throw new Error('invitation link ' + invitation);
    await admin.locator(`[data-member="${member.email}"]`).waitFor();
    await admin.getByLabel('Role name').fill('Reviewers');
    await admin.getByLabel('readMedia').selectOption('ALL');
    await admin.getByLabel('moderate').check();
    await admin.getByRole('button', { name: 'Create role' }).click();
    const row = admin.locator('[data-role="Reviewers"]');
    await row.waitFor();
    const text = await row.textContent();
    if (!text.includes('ALL') || !text.includes('moderate')) throw new Error('the new role reads ' + text);
    await shot(admin, 'members');
    await axe(admin, 'members');
  });

  await step('a member accepts the invitation, signs in, uploads live, signs out, and the old cookie is refused', async () => {
    const mctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const m = await mctx.newPage();
    m.setDefaultTimeout(10000);
    m.on('pageerror', (e) => logs.push('member page: ' + String(e)));
    await m.goto(cfg.url + new URL(invitation).pathname);
    await m.getByLabel('New password').fill(member.password);
    await m.getByLabel('Repeat it').fill(member.password);
    await m.getByRole('button', { name: 'Accept the invitation' }).click();
    await m.getByRole('link', { name: 'Sign in' }).click();
    await m.getByLabel('Email').fill(member.email);
    await m.getByLabel('Password', { exact: true }).fill(member.password);
    await m.getByRole('button', { name: 'Sign in', exact: true }).click();
    await m.getByRole('heading', { name: 'Library' }).waitFor();
    // The live subscription over the cookie session: the WebSocket upgrade carries the page's Origin.
    await m.locator('html[data-live="connected"]').waitFor();
    await m.locator('.who', { hasText: member.email }).waitFor();
    await m.locator('label:has-text("Upload files") input[type=file]').setInputFiles(fx('cmyk.jpg'));
    await m.locator('.uploads li[data-state="done"], .uploads li[data-state="failed"]').first().waitFor({ timeout: 30000 });
    const failed = await m.locator('.uploads li[data-state="failed"]').allTextContents();
    if (failed.length) throw new Error('the member could not upload: ' + failed.join(' | '));
    // The editor's tab, on its own token, sees the member's upload arrive.
    await page.locator('.card .name', { hasText: 'cmyk.jpg' }).waitFor({ timeout: 30000 });
    const up = await gql('query($f: AssetFilter) { assets(filter: $f) { nodes { createdBy { id name } } } }', { f: { filename: { matches: 'cmyk' } } });
    if (up.assets.nodes[0]?.createdBy?.name !== 'Ed Itor') throw new Error('the upload was made by ' + JSON.stringify(up.assets.nodes[0]));
    await m.getByRole('link', { name: 'Sessions' }).click();
    await m.locator('[data-session]').first().waitFor();
    await shot(m, 'sessions');
    await axe(m, 'sessions');
    const cookies = await mctx.cookies();
    const session = cookies.find((c) => c.name === 'mediagraph_session');
    if (!session) throw new Error('no session cookie: ' + cookies.map((c) => c.name));
    await m.getByRole('button', { name: 'Sign out' }).click();
    await m.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await mctx.close();
    const res = await fetch(cfg.url + '/graphql', {
      method: 'POST',
      headers: { Cookie: `mediagraph_session=${session.value}`, 'X-Mediagraph-CSRF': '1', 'Content-Type': 'application/json', Origin: cfg.url },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = await res.json().catch(() => ({}));
    const code = body.errors?.[0]?.extensions?.code ?? body.code;
    if (res.ok && body.data?.me) throw new Error('the old cookie still works: ' + JSON.stringify(body));
    return { afterSignOut: `${res.status} ${code ?? JSON.stringify(body.data)}` };
  });

  await step('bulk: change the creator to the member; deactivate the member', async () => {
    await admin.getByRole('link', { name: 'Library' }).click();
    // The member's upload first: a card arriving above would shift the one clicked.
    await admin.locator('.card .name', { hasText: 'cmyk.jpg' }).waitFor();
    await admin.waitForTimeout(300);
    await admin.getByLabel('Select alpha.png').click();
    await admin.locator('.bulk', { hasText: '1 selected' }).waitFor();
    await admin.locator('.bulk select[name=creator]').selectOption({ label: `Ed Itor (${member.email})` });
    await admin.getByText('Creator changed: 1 asset').waitFor();
    const a = await gql('query($f: AssetFilter) { assets(filter: $f) { nodes { createdBy { name } } } }', { f: { filename: { matches: 'alpha' } } });
    if (a.assets.nodes[0]?.createdBy?.name !== 'Ed Itor') {
      const all = await gql('{ assets(first: 50) { nodes { id filename createdBy { id name } } } }');
      throw new Error('alpha.png was made by ' + JSON.stringify(a.assets.nodes[0]) + ' ' + JSON.stringify(all));
    }
    await admin.getByRole('link', { name: 'Members' }).click();
    admin.once('dialog', (d) => d.accept());
    await admin.getByRole('button', { name: `Deactivate ${member.email}` }).click();
    await admin.locator(`[data-member="${member.email}"]`, { hasText: 'deactivated' }).waitFor();
  });
  await adminCtx.close();

  await step('search: an expression finds by kind, and a bad term shows its column', async () => {
    await page.getByLabel('Search mode').selectOption('query');
    await page.getByLabel('Search expression').fill('kind:audio');
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('.card .name')].map((n) => n.textContent);
      return names.length === 1 && names[0] === 'tone.mp3';
    });
    await page.getByLabel('Search expression').fill('kind:audio width>>');
    const bad = page.locator('.query-problem');
    await bad.waitFor();
    const col = await bad.getAttribute('data-column');
    const message = await bad.textContent();
    await shot(page, 'search-query');
    await page.getByLabel('Search expression').fill('');
    await page.getByLabel('Search mode').selectOption('words');
    await card('alpha.png').waitFor();
    if (!col) throw new Error('no column: ' + message);
    return { column: col, message };
  });

  await step('presets: an upload preset tags the upload; a transform preset previews in the playground', async () => {
    const asAdmin = async (query, variables) => {
      const r = await fetch(cfg.url + '/graphql', {
        method: 'POST', headers: { Authorization: 'Bearer ' + cfg.admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }),
      }).then((x) => x.json());
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    await asAdmin('mutation { createUploadPreset(input: { name: "press", tags: ["press"] }) { id } }');
    await asAdmin('mutation { createTransformPreset(input: { name: "thumb", params: { w: 120, h: 80, fit: CROP } }) { id } }');
    await page.reload();
    await page.getByLabel('Upload preset').selectOption('press');
    await page.getByRole('button', { name: 'Clear finished' }).click().catch(() => undefined);
    await page.locator('label:has-text("Upload files") input[type=file]').setInputFiles(fx('rotated-orientation-6.jpg'));
    await page.locator('.uploads li[data-state="done"] [data-preset="press"]').waitFor({ timeout: 30000 });
    await card('rotated-orientation-6.jpg').waitFor();
    const up = await assetByName('rotated-orientation');
    if (!up?.tags.some((t) => t.name === 'press')) throw new Error('the preset did not tag the upload: ' + JSON.stringify(up?.tags));
    await page.getByLabel('Upload preset').selectOption('');
    // A preset URL carries no signature, so it opens public assets only.
    const photo = (await asAdmin('{ assets(first: 100) { nodes { id filename } } }')).assets.nodes.find((n) => n.filename === 'photo-12mp.jpg');
    if (!photo) throw new Error('no photo-12mp.jpg: ' + JSON.stringify(await asAdmin('{ assets(first: 100) { nodes { id filename deletedAt } } }')));
    await asAdmin('mutation($ids: [ID!]!) { setAssetStatus(ids: $ids, status: PUBLIC) { id } }', { ids: [photo.id] });
    await open('photo-12mp.jpg');
    // The presets list is a query of its own; on a loaded machine it can queue behind the library's thumbnails.
    await page.getByLabel('Transform preset').selectOption('thumb', { timeout: 30000 });
    const img = page.locator('img[data-preset-preview="thumb"]');
    await img.waitFor();
    await page.waitForFunction(() => document.querySelector('img[data-preset-preview="thumb"]')?.naturalWidth > 0, null, { timeout: 20000 });
    const size = await img.evaluate((e) => `${e.naturalWidth}x${e.naturalHeight}`);
    if (size !== '120x80') throw new Error('the preset preview is ' + size);
    const url = await page.getByLabel('Preset URL').inputValue();
    await shot(page, 'presets');
    await page.keyboard.press('Escape');
    return { size, url };
  });

  await step('image editor: a crop is saved as version 2 with the new size', async () => {
    const before = (await gql('query($f: AssetFilter) { assets(filter: $f) { nodes { id version width height } } }', { f: { filename: { matches: 'photo.webp' } } })).assets.nodes[0];
    await open('photo.webp');
    const editor = page.locator('.editor');
    await editor.getByLabel('Width %').fill('50');
    await editor.getByLabel('Height %').fill('40');
    await editor.getByLabel('Left %').fill('10');
    await editor.getByRole('button', { name: 'Rotate right' }).click();
    await editor.getByRole('button', { name: 'Rotate left' }).click();
    await editor.getByLabel('brightness').fill('1.2');
    await shot(page, 'editor');
    await axe(page, 'editor');
    await editor.getByRole('button', { name: 'Save as new version' }).click();
    await page.locator('[data-version="2"] strong', { hasText: 'current' }).waitFor({ timeout: 30000 });
    const after = (await gql('query($id: ID!) { asset(id: $id) { version width height } }', { id: before.id })).asset;
    const want = [Math.round(before.width * 0.5), Math.round(before.height * 0.4)];
    if (after.version !== 2 || Math.abs(after.width - want[0]) > 1 || Math.abs(after.height - want[1]) > 1) {
      throw new Error(`after the crop: ${JSON.stringify(after)}, want version 2 of ${want.join('×')} (from ${before.width}×${before.height})`);
    }
    await page.keyboard.press('Escape');
    return { before: `${before.width}×${before.height}`, after: `${after.width}×${after.height}` };
  });

  await step('facet counts, a saved filter applied again, a ZIP of the selection', async () => {
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const image = page.locator('[data-facet="kind.IMAGE"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-facet="kind.IMAGE"]')?.textContent) > 0);
    const facets = { image: await image.textContent(), audio: await page.locator('[data-facet="kind.AUDIO"]').textContent() };
    if (facets.audio !== '1') throw new Error('facets ' + JSON.stringify(facets));
    await page.getByLabel('audio').check();
    await page.waitForFunction(() => [...document.querySelectorAll('.card .name')].map((n) => n.textContent).join() === 'tone.mp3');
    await page.locator('.saved').getByLabel('Name').fill('sounds');
    await page.getByLabel('Shared with every editor').check();
    await page.getByRole('button', { name: 'Save this filter' }).click();
    await page.locator('[data-saved-filter="sounds"]', { hasText: 'shared' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await card('alpha.png').waitFor();
    await page.locator('[data-saved-filter="sounds"] button', { hasText: 'sounds' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.card .name')].map((n) => n.textContent).join() === 'tone.mp3');
    await shot(page, 'filters');
    await axe(page, 'filters');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await card('alpha.png').waitFor();
    await page.waitForTimeout(300);
    await page.getByLabel('Select alpha.png').click();
    await page.getByLabel('Select clip.mp4').click();
    await page.getByRole('button', { name: 'Download ZIP' }).click();
    const href = await page.locator('[data-zip]').getAttribute('href');
    const res = await fetch(new URL(href, cfg.url));
    const zip = Buffer.from(await res.arrayBuffer());
    if (!res.ok || zip.readUInt32LE(0) !== 0x04034b50) throw new Error(`the ZIP answered ${res.status}, ${zip.length} bytes`);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    return { facets, zipBytes: zip.length };
  });

  await step('metadata fields: set in the detail pane and on a selection', async () => {
    const r = await fetch(cfg.url + '/graphql', {
      method: 'POST', headers: { Authorization: 'Bearer ' + cfg.admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { createMetadataField(input: { key: "licence", label: [{ locale: "en", text: "Licence" }], type: SELECT, options: ["CC-BY", "All rights reserved"] }) { id } }' }),
    }).then((x) => x.json());
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    await page.reload();
    await open('alpha.png');
    await page.locator('[data-metadata="licence"]').getByLabel('Licence').selectOption('CC-BY');
    await page.getByRole('button', { name: 'Save metadata' }).click();
    await page.locator('.metadata [role=status]', { hasText: 'Saved' }).waitFor();
    await shot(page, 'metadata');
    await page.keyboard.press('Escape');
    const value = async (n) => (await gql('query($f: AssetFilter) { assets(filter: $f) { nodes { metadataValue(key: "licence") } } }', { f: { filename: { matches: n } } })).assets.nodes[0]?.metadataValue;
    if ((await value('alpha')) !== 'CC-BY') throw new Error('alpha.png licence ' + (await value('alpha')));
    await page.locator('.detail').waitFor({ state: 'detached' });
    await page.goto(cfg.url + '/?kind=VIDEO,AUDIO');
    await card('tone.mp3').waitFor();
    await page.getByLabel('Select clip.mp4').click();
    await page.getByLabel('Select tone.mp3').click();
    await page.locator('.bulk').getByLabel('Field').selectOption('licence');
    await page.locator('.bulk-meta select[name=licence]').selectOption('All rights reserved');
    await page.getByRole('button', { name: 'Set field' }).click();
    await page.getByText('Licence set: 2 assets').waitFor();
    for (const n of ['clip', 'tone']) if ((await value(n)) !== 'All rights reserved') throw new Error(n + ' licence ' + (await value(n)));
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.goto(cfg.url + '/');
  });

  await step('a video shows its poster as its thumbnail; a sound its waveform in the player', async () => {
    await card('clip.mp4').locator('[data-poster]').waitFor({ timeout: 30000 });
    await page.waitForFunction(() => {
      const card = [...document.querySelectorAll('.card')].find((c) => c.querySelector('.name')?.textContent === 'clip.mp4');
      return card?.querySelector('img')?.naturalWidth > 0;
    }, null, { timeout: 30000 });
    await open('tone.mp3');
    const wave = page.locator('svg.waveform');
    await wave.waitFor({ timeout: 30000 });
    await shot(page, 'audio');
    const buckets = await wave.getAttribute('data-buckets');
    await page.keyboard.press('Escape');
    return { buckets };
  });

  await step('the other pages, and a phone-sized screen', async () => {
    for (const [path, name] of [['/trash', 'trash'], ['/moderation', 'moderation'], ['/tokens', 'tokens'], ['/webhooks', 'webhooks'], ['/sessions', 'sessions-token']]) {
      await page.goto(cfg.url + path);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      await shot(page, name);
      await axe(page, name);
    }
    await page.goto(cfg.url + '/?view=masonry');
    await card('alpha.png').waitFor();
    await shot(page, 'masonry');
    await axe(page, 'masonry');
    await page.goto(cfg.url + '/');
    await card('alpha.png').waitFor();
    await axe(page, 'library');
    await shot(page, 'library');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await shot(page, 'library-phone');
    await axe(page, 'library-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 2) throw new Error(`the phone layout scrolls sideways by ${overflow}px`);
  });

  await step('a revoked token returns to the sign-in page, saying why', async () => {
    const admin = (query, variables) => fetch(cfg.url + '/graphql', {
      method: 'POST', headers: { Authorization: 'Bearer ' + cfg.admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
    const made = await admin('mutation { createApiToken(input: { name: "to revoke", role: EDITOR }) { secret token { id } } }');
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p3 = await other.newPage();
    p3.on('pageerror', (e) => logs.push('revoked page: ' + String(e)));
    p3.on('console', (m) => logs.push('revoked page: ' + m.text()));
    await p3.goto(cfg.url + '/');
    await p3.getByLabel('API token', { exact: true }).fill(made.data.createApiToken.secret);
    await p3.getByRole('button', { name: 'Use token' }).click();
    await p3.getByRole('heading', { name: 'Library' }).waitFor();
    const revoked = await admin('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id: made.data.createApiToken.token.id });
    // The open page learns of it from its next request (or its live connection, closed by the server).
    await p3.getByRole('link', { name: 'Trash' }).click({ timeout: 2000 }).catch(() => undefined);
    await p3.getByText('Your session ended: sign in again.').waitFor().catch(async (e) => {
      throw new Error(`revoke answered ${JSON.stringify(revoked)}; the page shows: ${(await p3.locator('body').innerText()).slice(0, 400)}: ${e}`);
    });
    await other.close();
  });

  await step('an API error is shown with its message and code', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(cfg.url + '/?where=' + encodeURIComponent('{"kind":{"eq":"BOGUS"}}'));
    await page.locator('.content [role=alert]').first().waitFor({ timeout: 10000 });
    return await page.locator('.content [role=alert]').first().textContent();
  });
} finally {
  results.console = logs.slice(0, 20);
  await browser.close();
  report();
}
