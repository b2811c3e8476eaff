// Shared by the browser runs: Debian's Chromium through playwright-core (no browser download), a
// GraphQL helper to check what the UI did through the API, and a step runner that records each step's
// outcome, so one failing step does not hide the others.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

export const cfg = JSON.parse(process.env.MEDIAGRAPH_UI_E2E_RUN);
export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export async function gql(query, variables = {}) {
  const res = await fetch(cfg.url + '/graphql', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + cfg.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export const results = { steps: [], shots: [], axe: {}, figures: {} };

// The requests a watched page has sent and not yet seen answered, with when each was sent: a failed
// step reports them, since a wait that times out on a loaded machine is most often a request queued
// behind others (a browser opens six connections to a host).
const pending = new Map();
let watched = null;

/** Records the page's requests in flight, for the report of a step that fails. */
export function watch(page) {
  watched = page;
  page.on('request', (r) => pending.set(r, Date.now()));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
}

async function pageState() {
  if (!watched) return '';
  const now = Date.now();
  const inFlight = [...pending].map(([r, t]) => `${r.method()} ${new URL(r.url()).pathname} ${now - t}ms`);
  const heading = await watched.locator('.detail h2').first().textContent({ timeout: 1000 }).catch(() => null);
  return `\n  page: ${watched.url()}\n  detail heading: ${heading}\n  in flight (${inFlight.length}): ${inFlight.slice(0, 12).join('; ')}`;
}

export async function step(name, fn) {
  try {
    const detail = await fn();
    results.steps.push({ name, ok: true, detail: detail ?? null });
  } catch (e) {
    const state = await pageState();
    results.steps.push({ name, ok: false, error: String(e?.stack || e).slice(0, 1000) + state.slice(0, 1200) });
  }
}

export async function shot(page, name) {
  if (!cfg.shots) return;
  mkdirSync(cfg.shots, { recursive: true });
  const path = `${cfg.shots}/${name}.png`;
  await page.screenshot({ path });
  results.shots.push(path);
}

/** axe-core on the page as it stands: the serious and critical violations, by rule. */
export async function axe(page, name) {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  results.axe[name] = found;
}

/** Signs in with the API token as an editor would, on the sign-in page. */
export async function signIn(page) {
  await page.goto(cfg.url + '/');
  await page.getByLabel('API token', { exact: true }).fill(cfg.token);
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.getByRole('heading', { name: 'Library' }).waitFor();
}

export function report() {
  process.stdout.write(JSON.stringify(results));
}
