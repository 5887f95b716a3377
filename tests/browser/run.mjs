// Browser harness for a built proceedings site, started by tests/it/browser.rs
// once the site is served. It
//   1. runs the reader flows of pages.mjs in headless Chromium (Debian's,
//      through playwright-core: nothing is downloaded), failing on any console
//      error, uncaught exception, failed request, HTTP error or request that
//      leaves the site's sub-path;
//   2. opens a sample of every page type, injects axe-core and fails on any
//      serious or critical violation (all rules in the light colour scheme,
//      colour contrast again in the dark one);
//   3. screenshots the first page of each type at 1280 and 390 px wide, and
//      runs the type's own check of pages.mjs where it has one (an event's days
//      each on one page; a session's body on a phone's first screen, after at
//      most 15 tab stops);
//   4. runs the W3C Nu HTML Checker (vnu-jar) on the same pages' files and
//      fails on any error.
// Usage: node run.mjs --url http://127.0.0.1:PORT/sub/path/ --root OUT
//                     --label NAME --sample all|N --screenshots DIR
//                     [--vnu-sample all|N] [--large yes] [--only TYPE]
// --sample is the number of pages per type opened in the browser (spread
// evenly over the type's pages), --vnu-sample the number the Nu checker reads
// (default: the same), --large yes requires the page types that only large
// sites have (pagination, letter pages), --only checks one page type and no
// flows.
// Exit status 0 when everything passed, 1 otherwise; a summary on stdout.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { PAGE_TYPES, FLOWS, README_SHOTS } from './pages.mjs';

const require = createRequire(import.meta.url);
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
for (const key of ['url', 'root', 'label', 'sample', 'screenshots']) {
  if (!args[key]) {
    console.error(`missing --${key}`);
    process.exit(2);
  }
}
const siteUrl = new URL(args.url);
const origin = siteUrl.origin;
const base = siteUrl.pathname; // "/sub/path/"
const root = args.root;
const label = args.label;
const shots = args.screenshots;
const vnuSample = args['vnu-sample'] ?? args.sample;
const large = args.large === 'yes';
const only = args.only;
if (only && !PAGE_TYPES.some((t) => t.name === only)) {
  console.error(`--only: no page type "${only}"`);
  process.exit(2);
}
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const log = (line) => console.log(`[${label}] ${line}`);

// Chromium as the machine allows it: no sandbox (root in CI), no GPU, and no
// background traffic to Google's hosts, which the closed network refuses.
// Playwright's launch() gives every run a fresh temporary user-data dir.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/**
 * A page with every problem a reader would meet recorded against `where()`.
 * `state.expect404` holds the URLs that were asked for on purpose to get
 * the 404 page; only they may answer 404.
 */
async function watchedPage(context, where) {
  const page = await context.newPage();
  // A missing link fails in 10 s rather than Playwright's default 30 s.
  page.setDefaultTimeout(10_000);
  const state = { expect404: new Set() };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const at = msg.location()?.url;
    // Chromium logs the deliberate 404 of the not-found page as a console error.
    if (state.expect404.has(at)) return;
    fail(where(), `console error: ${msg.text()}${at ? ` (${at})` : ''}`);
  });
  page.on('pageerror', (err) => fail(where(), `uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // Leaving a page cancels what it still loads (often the icon): that is
    // the browser's doing, and a resource that is really missing shows up
    // as an HTTP error below.
    if (error === 'net::ERR_ABORTED') return;
    fail(where(), `request failed: ${req.url()} (${error})`);
  });
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol.startsWith('http') && (u.origin !== origin || !u.pathname.startsWith(base))) {
      fail(where(), `request leaves the site's sub-path: ${req.url()}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !(res.status() === 404 && state.expect404.has(res.url()))) {
      fail(where(), `HTTP ${res.status()} for ${res.url()}`);
    }
  });
  return { page, state };
}

/** The helpers a flow in pages.mjs drives the browser with. */
class Tour {
  constructor(page, flow, state) {
    this.page = page;
    this.state = state;
    this.flow = flow;
    this.base = base;
    this.steps = 0;
  }
  note(line) {
    log(`  ${line}`);
  }
  async open(rel) {
    await this.openHref(base + rel);
  }
  async openHref(href) {
    const res = await this.page.goto(origin + href);
    if (!res || res.status() !== 200) throw new Error(`${href} answered ${res?.status()}`);
    this.steps++;
  }
  /** Opens an address that does not exist, which must answer 404 with the site's 404 page. */
  async openMissing(rel) {
    const url = origin + base + rel;
    this.state.expect404.add(url);
    const res = await this.page.goto(url);
    if (!res || res.status() !== 404) throw new Error(`${base}${rel} answered ${res?.status()}, expected 404`);
    this.steps++;
  }
  async expectAt(href) {
    const at = new URL(this.page.url()).pathname;
    if (at !== href) throw new Error(`expected to be at ${href}, am at ${at}`);
  }
  /** Clicks the link matching `selector` whose text is exactly `text` (or the first one), and expects to land on `rel`. */
  async click(selector, text, rel) {
    let link = this.page.locator(selector);
    if (text) link = link.filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
    await this.follow(link.first(), base + rel);
  }
  /** Clicks the first visible link to `href` in the main content. */
  async clickHref(href) {
    const link = this.page.locator(`main a[href="${href}"]`).first();
    if ((await link.count()) === 0) throw new Error(`${new URL(this.page.url()).pathname} has no link to ${href}`);
    await this.follow(link, href);
  }
  async follow(link, href) {
    await link.scrollIntoViewIfNeeded();
    await Promise.all([this.page.waitForURL(origin + href), link.click()]);
    this.steps++;
    await this.expectAt(href);
  }
  async back(href) {
    await this.page.goBack();
    await this.expectAt(href);
    this.steps++;
  }
  async h1() {
    return (await this.page.locator('main h1').first().innerText()).trim();
  }
  /** The distinct hrefs under `selector` that match `include` (any, if null) and not `exclude`. */
  async hrefs(selector, include, exclude) {
    const all = await this.page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    return [...new Set(all.filter((h) => h && (!include || include.test(h)) && !(exclude && exclude.test(h))))];
  }
  /** On the speakers A–Z index: clicks through the letter that lists `href` (the slug's initial first). */
  async findThroughLetters(href) {
    if ((await this.hrefs('main a', null)).includes(href)) return;
    const index = new URL(this.page.url()).pathname;
    const initial = href.slice(`${base}speakers/`.length)[0];
    const letters = await this.hrefs('nav.az a', /\/a-z\/[^/]+\/$/);
    letters.sort((a, b) => Number(!a.endsWith(`/a-z/${initial}/`)) - Number(!b.endsWith(`/a-z/${initial}/`)));
    for (const letter of letters) {
      await this.clickHref(letter);
      if ((await this.hrefs('main a', null)).includes(href)) return;
      await this.back(index);
    }
    throw new Error(`no letter of the speakers index lists ${href}`);
  }
  /** On a paginated index: follows "Next" until a page lists `href`. */
  async findThroughPages(href) {
    for (;;) {
      if ((await this.hrefs('main a', null)).includes(href)) return;
      const next = await this.hrefs('main nav.pager a[rel="next"]', null);
      if (next.length === 0) throw new Error(`no page of ${this.page.url()} lists ${href}`);
      await this.clickHref(next[0]);
    }
  }
}

/** Evenly spread sample of `n` items (all of them for "all"). */
function sample(items, n) {
  if (n === 'all' || items.length <= Number(n)) return items;
  const k = Number(n);
  if (k === 1) return [items[0]];
  return [...new Set(Array.from({ length: k }, (_, i) => items[Math.round((i * (items.length - 1)) / (k - 1))]))];
}

const started = Date.now();

// 1. Flows.
for (const flow of only ? [] : FLOWS) {
  const context = await browser.newContext({ javaScriptEnabled: flow.javaScript !== false });
  let tour = null;
  const { page, state } = await watchedPage(context, () => `flow "${flow.name}" at ${tour ? new URL(tour.page.url()).pathname : '?'}`);
  tour = new Tour(page, flow, state);
  try {
    await flow.run(tour);
    log(`flow ok (${tour.steps} steps): ${flow.name}`);
  } catch (err) {
    fail(`flow "${flow.name}" at ${new URL(page.url()).pathname}`, err.message.split('\n')[0]);
  }
  await context.close();
}

log(`flows: ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 2 and 3. Page types: axe, screenshots.
// A fresh folder, so that no screenshot of an earlier run passes for this one.
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
const checked = []; // { type, rel }: opened in the browser
const validated = []; // { type, rel, file }: read by the Nu checker
let violations = 0;
const lesser = new Map(); // moderate and minor violations: reported, not failed
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
let current = '';
const { page, state } = await watchedPage(context, () => current);
for (const type of PAGE_TYPES.filter((t) => !only || t.name === only)) {
  const all = type.pages(root);
  if (all.length === 0) {
    if (type.ifMissing && !(large && type.largeSitesOnly)) log(`${type.name}: ${type.ifMissing}`);
    else fail(type.name, 'no page of this type in the build output');
    continue;
  }
  const fileOf = (rel) => path.join(root, type.file ? type.file(rel) : path.join(rel, 'index.html'));
  for (const rel of sample(all, vnuSample)) validated.push({ type: type.name, rel, file: fileOf(rel) });
  const chosen = sample(all, args.sample);
  for (const [i, rel] of chosen.entries()) {
    current = `${type.name} ${base}${rel}`;
    const url = origin + base + rel;
    const status = type.status ?? 200;
    if (status === 404) state.expect404.add(url);
    await page.emulateMedia({ colorScheme: 'light' });
    const res = await page.goto(url);
    if (!res || res.status() !== status) {
      fail(current, `answered ${res?.status()}, expected ${status}`);
      continue;
    }
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
      // Dark mode changes only colours: rerun just the contrast rule there.
      const options = { resultTypes: ['violations'] };
      if (scheme === 'dark') options.runOnly = { type: 'rule', values: ['color-contrast'] };
      const result = await page.evaluate((o) => window.axe.run(document, o), options);
      for (const v of result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')) {
        lesser.set(v.id, (lesser.get(v.id) ?? 0) + 1);
      }
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        violations++;
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
        const why = [...(v.nodes[0]?.any ?? []), ...(v.nodes[0]?.all ?? [])][0]?.message ?? '';
        fail(current, `axe ${v.impact} (${scheme}): ${v.id}: ${v.help} [${v.nodes.length} node(s): ${targets}] ${why}`);
      }
    }
    if (i === 0) {
      const slug = type.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: 'light' });
        await page.screenshot({ path: path.join(shots, `${slug}-${width}.png`), fullPage: !type.firstScreenOnly });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    checked.push({ type: type.name, rel });
  }
  // What a reader of this type of page needs besides (pages.mjs): on more pages than
  // the sample above, since it costs no axe run.
  if (type.check) {
    const tour = new Tour(page, null, state);
    for (const rel of sample(all, type.checkSample ?? args.sample)) {
      current = `${type.name} ${base}${rel}`;
      try {
        log(`${current}: ${await type.check(tour, rel)}`);
      } catch (err) {
        fail(current, err.message.split('\n')[0]);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

// The screenshots README.md shows, when this site has those pages.
for (const shot of README_SHOTS) {
  if (!fs.existsSync(path.join(root, shot.path, 'index.html'))) continue;
  current = `README screenshot ${shot.file}`;
  fs.mkdirSync(path.join(shots, 'readme'), { recursive: true });
  await page.setViewportSize({ width: shot.width, height: shot.height });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(origin + base + shot.path);
  await page.screenshot({ path: path.join(shots, 'readme', shot.file) });
}
await context.close();
await browser.close();
if (lesser.size > 0) log(`axe, moderate or minor (not failing): ${[...lesser].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
log(`axe: ${checked.length} pages (all rules in light mode, contrast in dark mode), ${violations} serious or critical violation(s), ${((Date.now() - started) / 1000).toFixed(1)} s so far`);

// 4. The Nu HTML Checker on the same pages, in one JVM.
let vnuErrors = 0;
const vnuReport = validated.length > 0 ? runVnu() : {};
for (const m of vnuReport.messages ?? []) {
  if (m.type !== 'error' && m.type !== 'non-document-error') continue;
  vnuErrors++;
  const file = decodeURIComponent(new URL(m.url).pathname);
  const page = validated.find((c) => c.file === file);
  fail(`vnu ${page ? `${page.type} ${base}${page.rel}` : file}:${m.lastLine ?? '?'}`, `${m.message} [${(m.extract ?? '').trim().replace(/\s*\n\s*/g, ' ').slice(0, 120)}]`);
}
log(`vnu: ${validated.length} pages, ${vnuErrors} error(s)`);

function runVnu() {
  const r = spawnSync(
    process.env.JAVA || 'java',
    ['-jar', vnuJar, '--errors-only', '--exit-zero-always', '--format', 'json', ...validated.map((c) => c.file)],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  try {
    return JSON.parse(r.stderr);
  } catch {
    fail('vnu', `unreadable report: ${r.stderr.slice(0, 300)}`);
    return {};
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
log(`${checked.length} pages checked in the browser and ${validated.length} by vnu (${new Set(checked.map((c) => c.type)).size} page types), ${only ? 0 : FLOWS.length} flows, ${failures.length} failure(s), ${seconds} s; screenshots in ${shots}`);
for (const f of failures) console.log(`[${label}] FAIL ${f}`);
process.exit(failures.length === 0 ? 0 : 1);
