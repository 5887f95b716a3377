// What the browser harness checks: the page types of a built site and the
// reader flows through it. Both are plain lists so that a new page type or
// flow is one entry (the search page's flow is added with search itself).

import fs from 'node:fs';
import path from 'node:path';

/** Folders under `rel` that are pages (have an index.html), sorted; pagination and letter folders excluded. */
function pagesUnder(root, rel, skip = []) {
  const dir = path.join(root, rel);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['page', ...skip].includes(d.name))
    .filter((d) => fs.existsSync(path.join(dir, d.name, 'index.html')))
    .map((d) => `${rel}/${d.name}/`)
    .sort();
}

const one = (root, rel) => (fs.existsSync(path.join(root, rel, 'index.html')) ? [rel] : []);

/** The most tab stops a session page may have before its body. */
export const MAX_TAB_STOPS = 15;

/** The first screen of a phone: the body of a session page must start on it. */
export const PHONE = { width: 390, height: 844 };

/**
 * How many times Tab moves the focus, from the top of the page, before it reaches
 * `selector` or anything after it (at most `cap`).
 */
async function tabStopsBefore(page, selector, cap = 100) {
  await page.evaluate(() => document.activeElement?.blur());
  for (let n = 0; n < cap; n++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => {
      const target = document.querySelector(sel);
      const a = document.activeElement;
      if (!target || !a || a === document.body) return false;
      return target.contains(a) || Boolean(target.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, selector);
    if (reached) return n;
  }
  return cap;
}

/**
 * An event's pages, followed through its pager: every day heading has an id, no
 * day is on two pages, and each link of the day navigation leads to the page that
 * holds that day.
 */
async function programmeByDay(t, rel) {
  const first = t.base + rel;
  const dayPage = new Map(); // day id -> the page that shows it
  const queue = [first];
  const visited = new Set(queue);
  let nav = null;
  while (queue.length > 0) {
    const href = queue.shift();
    await t.openHref(href);
    const ids = await t.page.locator('main h2.day').evaluateAll((hs) => hs.map((h) => h.id));
    if (ids.some((id) => !id)) throw new Error(`${href}: a day heading without an id`);
    for (const id of ids) {
      if (dayPage.has(id)) throw new Error(`day ${id} is split across pages: ${dayPage.get(id)} and ${href}`);
      dayPage.set(id, href);
    }
    nav ??= await t.page.locator('main nav.days a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const p of await t.hrefs('main nav.pager a', null)) {
      if (p.startsWith(first) && !visited.has(p)) {
        visited.add(p);
        queue.push(p);
      }
    }
  }
  if (dayPage.size > 1 && nav.length !== dayPage.size) {
    throw new Error(`${dayPage.size} days, ${nav.length} in the day navigation`);
  }
  for (const link of nav) {
    const [to, id] = link.split('#');
    if (dayPage.get(id) !== (to || first)) {
      throw new Error(`the day navigation links ${link}, but day ${id} is on ${dayPage.get(id) ?? 'no page'}`);
    }
  }
  return `${visited.size} page(s), ${dayPage.size} day(s), each on one page`;
}

/** A session page at 390 px: its body starts on the first screen, after at most MAX_TAB_STOPS tab stops. */
async function sessionOnAPhone(t, rel) {
  await t.page.setViewportSize(PHONE);
  await t.open(rel);
  const top = await t.page.evaluate(() => document.querySelector('main .body')?.getBoundingClientRect().top ?? null);
  if (top === null) throw new Error('no session body (main .body)');
  const stops = await tabStopsBefore(t.page, 'main .body');
  const problems = [];
  if (top >= PHONE.height) {
    problems.push(`the body starts at ${Math.round(top)} px, below the first screen (${PHONE.height} px) at ${PHONE.width} px`);
  }
  if (stops > MAX_TAB_STOPS) problems.push(`${stops} tab stops before the body (at most ${MAX_TAB_STOPS})`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return `body at ${Math.round(top)} px, ${stops} tab stops before it`;
}

/** Speaker pages whose file says they list sessions by year (more than a few sessions). */
function busySpeakers(root) {
  return pagesUnder(root, 'speakers', ['a-z']).filter((rel) =>
    fs.readFileSync(path.join(root, rel, 'index.html'), 'utf8').includes('id="year-'),
  );
}

/**
 * A busy speaker's page: one page (no pager), each year's count is the number of its
 * sessions and each event's the number of its lines, the years' links reach their
 * headings, and the person is not among their own co-speakers; "and N more" is a link
 * to a page that lists at least N more.
 */
async function busySpeaker(t, rel) {
  await t.open(rel);
  const own = t.base + rel;
  const found = await t.page.evaluate((own) => {
    const problems = [];
    if (document.querySelector('main nav.pager')) problems.push('a pager on a busy speaker page');
    const years = [...document.querySelectorAll('main section.year')];
    for (const y of years) {
      const rows = y.querySelectorAll('ul.session-rows > li').length;
      const said = Number(y.querySelector('h3 .count')?.textContent.match(/\d+/)?.[0]);
      if (said !== rows) problems.push(`${y.querySelector('h3')?.id}: says ${said}, lists ${rows}`);
      for (const h of y.querySelectorAll('h4')) {
        const list = h.nextElementSibling;
        const n = Number(h.querySelector('.count')?.textContent.match(/\d+/)?.[0]);
        if (list?.children.length !== n) problems.push(`${h.textContent.trim()}: says ${n}, lists ${list?.children.length}`);
      }
    }
    for (const a of document.querySelectorAll('main nav.years a')) {
      if (!document.getElementById(a.getAttribute('href').slice(1))) problems.push(`${a.getAttribute('href')} leads nowhere`);
    }
    if ([...document.querySelectorAll('main dl.co-speakers a')].some((a) => a.getAttribute('href') === own)) {
      problems.push('the person is among their own co-speakers');
    }
    const more = [...document.querySelectorAll('main a')].find((a) => /^and \d+ more$/.test(a.textContent.trim()));
    const shown = [...document.querySelectorAll('main dl.co-speakers a')].map((a) => a.getAttribute('href'));
    return { problems, years: years.length, more: more?.getAttribute('href'), n: Number(more?.textContent.match(/\d+/)[0]), shown };
  }, own);
  if (found.problems.length > 0) throw new Error(found.problems.join('; '));
  if (found.more) {
    await t.openHref(found.more);
    // The co-speakers page lists exactly those the speaker's page leaves out.
    const listed = await t.hrefs('main dl.co-speakers a', null);
    if (listed.length !== found.n) throw new Error(`"and ${found.n} more" leads to a list of ${listed.length}, not ${found.n}`);
    const twice = listed.filter((h) => found.shown.includes(h));
    if (twice.length > 0) throw new Error(`the co-speakers page repeats ${twice.length} shown on the speaker's page`);
    if (listed.includes(own)) throw new Error('the co-speakers page lists the person');
  }
  return `${found.years} year(s), one page${found.more ? `; "and ${found.n} more" lists them` : ''}`;
}

/** A letter page of the A–Z: its own letter, and only it, is marked current and is no link. */
async function currentLetter(t, rel) {
  await t.open(rel);
  const h1 = await t.h1();
  const current = await t.page.locator('nav.az [aria-current="page"]').allInnerTexts();
  if (current.length !== 1 || !h1.endsWith(current[0].trim())) {
    throw new Error(`"${h1}" marks ${JSON.stringify(current)} as the current letter`);
  }
  if ((await t.page.locator('nav.az [aria-current="page"]').evaluate((e) => e.tagName)) === 'A') {
    throw new Error('the current letter is a link');
  }
  return `letter ${current[0].trim()} marked`;
}

/**
 * The speakers index: where it has a name filter and lists everyone, typing a
 * person's name narrows the list to the people who match, nothing moves while the
 * page loads or the status line fills (no layout shift), and clearing it shows all
 * again. Without the list on the page, the filter is a form to the search page.
 */
async function speakersIndex(t, rel) {
  await t.open(rel);
  const form = t.page.locator('form.name-filter');
  if ((await form.count()) === 0) return 'no name filter (a small site)';
  const action = await form.getAttribute('action');
  if (action !== `${t.base}search/`) throw new Error(`the name filter goes to ${action}`);
  const items = t.page.locator('main section.letter li');
  const total = await items.count();
  if (total === 0) return 'name filter to the search page (letters on pages of their own)';
  await t.page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const name = (await items.nth(Math.floor(total / 2)).locator('a').innerText()).trim();
  const input = t.page.locator('#name-filter');
  const loading = await t.page.evaluate(() => window.__shift);
  if (loading > 0.01) throw new Error(`layout shift ${loading.toFixed(3)} while loading`);
  // Typed key by key, as a reader does: the list closing up under what they type is
  // the answer to their input, which layout-shift scoring leaves out.
  await input.click();
  await input.pressSequentially(name);
  const visible = await items.evaluateAll((lis) => lis.filter((li) => !li.hidden).map((li) => li.querySelector('a').textContent.trim()));
  if (!visible.includes(name) || visible.length === total) {
    throw new Error(`typing "${name}" leaves ${visible.length} of ${total} names`);
  }
  const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const stray = visible.filter((v) => !fold(v).includes(fold(name)));
  if (stray.length > 0) throw new Error(`typing "${name}" leaves ${stray.slice(0, 3).join(', ')}`);
  const shift = await t.page.evaluate(() => window.__shift);
  if (shift > 0.01) throw new Error(`layout shift ${shift.toFixed(3)} while filtering`);
  await input.fill('');
  const again = await items.evaluateAll((lis) => lis.filter((li) => !li.hidden).length);
  if (again !== total) throw new Error(`cleared, ${again} of ${total} names show`);
  return `"${name}" narrows ${total} names to ${visible.length}, no layout shift`;
}

/**
 * Page types. `pages(root)` lists every page of that type in the build output
 * (paths relative to the base URL); the harness samples from it. `status` is
 * the HTTP status the page must be served with; `file` maps a path to the
 * file the Nu checker reads when it is not `<path>index.html`. A type with
 * `ifMissing` may be absent (the message is logged), unless it is
 * `largeSitesOnly` and the harness runs with `--large yes`. `check(t, rel)`,
 * when given, runs on `checkSample` of the pages ("all" or a number; the
 * harness's sample otherwise) with the flows' helpers, throws on a defect and
 * returns what it found. `firstScreenOnly` takes the type's screenshots of the first
 * screen rather than the whole page (a book of hundreds of sessions is too long for one).
 */
export const PAGE_TYPES = [
  { name: 'home', pages: (root) => one(root, '') },
  { name: 'events index', pages: (root) => one(root, 'events/') },
  { name: 'event', pages: (root) => pagesUnder(root, 'events'), check: programmeByDay, checkSample: 'all' },
  {
    name: 'event book',
    pages: (root) => pagesUnder(root, 'events').flatMap((rel) => one(root, `${rel}book/`)),
    firstScreenOnly: true,
  },
  { name: 'sessions index', pages: (root) => one(root, 'sessions/') },
  {
    name: 'sessions index, page 2',
    pages: (root) => one(root, 'sessions/page/2/'),
    ifMissing: 'not paginated on this site',
    largeSitesOnly: true,
  },
  { name: 'session', pages: (root) => pagesUnder(root, 'sessions'), check: sessionOnAPhone, checkSample: 12 },
  { name: 'speakers A–Z', pages: (root) => one(root, 'speakers/'), check: speakersIndex },
  {
    name: 'speakers A–Z, one letter',
    pages: (root) => pagesUnder(root, 'speakers/a-z'),
    ifMissing: 'one page for all letters on this site',
    largeSitesOnly: true,
    check: currentLetter,
    checkSample: 3,
  },
  { name: 'speaker', pages: (root) => pagesUnder(root, 'speakers', ['a-z']) },
  {
    name: 'speaker with many sessions',
    pages: busySpeakers,
    ifMissing: 'nobody has more than 5 sessions on this site',
    largeSitesOnly: true,
    check: busySpeaker,
    checkSample: 4,
  },
  {
    name: 'speaker, co-speakers',
    pages: (root) => pagesUnder(root, 'speakers', ['a-z']).flatMap((rel) => one(root, `${rel}co-speakers/`)),
    ifMissing: 'nobody has more than 40 co-speakers on this site',
    largeSitesOnly: true,
  },
  { name: 'countries index', pages: (root) => one(root, 'countries/') },
  { name: 'country', pages: (root) => pagesUnder(root, 'countries') },
  { name: 'SDGs index', pages: (root) => one(root, 'sdgs/') },
  { name: 'SDG', pages: (root) => pagesUnder(root, 'sdgs') },
  { name: 'action lines index', pages: (root) => one(root, 'action-lines/') },
  { name: 'action line', pages: (root) => pagesUnder(root, 'action-lines') },
  { name: 'topics index', pages: (root) => one(root, 'topics/') },
  { name: 'topic', pages: (root) => pagesUnder(root, 'topics') },
  {
    name: 'organizations A–Z',
    pages: (root) => one(root, 'organizations/'),
    ifMissing: 'no data/organizations.yaml on this site',
  },
  {
    name: 'organization',
    pages: (root) => pagesUnder(root, 'organizations'),
    ifMissing: 'no data/organizations.yaml on this site',
  },
  { name: 'search', pages: (root) => one(root, 'search/') },
  { name: '404', pages: () => ['no-such-page/'], status: 404, file: () => '404.html' },
];

/**
 * The indexes a reader must reach with JavaScript off, by the label of their
 * link in the main navigation and the folder they live in.
 */
export const INDEXES = [
  { label: 'Sessions', rel: 'sessions/' },
  { label: 'Events', rel: 'events/' },
  { label: 'Speakers', rel: 'speakers/' },
  { label: 'Countries', rel: 'countries/' },
  { label: 'SDGs', rel: 'sdgs/' },
  { label: 'Action Lines', rel: 'action-lines/' },
  { label: 'Topics', rel: 'topics/' },
];

/** A name without its accents, as a reader without them on the keyboard types it. */
const plain = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Reader flows: `run(t)` gets the harness's helpers (see `Tour` in run.mjs)
 * and throws on the first step that fails. `javaScript: false` runs the flow
 * in a context with JavaScript disabled.
 */
export const FLOWS = [
  {
    name: 'home → SDG → session → speaker → country, then back through the A–Z indexes',
    run: async (t) => {
      await t.open('');
      await t.click('nav.site-nav a', 'SDGs', 'sdgs/');
      // The first goal that has a session (a new site may leave some empty).
      const sdgs = await t.hrefs('main a', /sdgs\/\d+\/$/);
      let session = null;
      for (const sdg of sdgs) {
        await t.clickHref(sdg);
        const sessions = await t.hrefs('main a', /sessions\/[^/]+\/$/, /\/page\//);
        if (sessions.length > 0) {
          session = sessions[0];
          break;
        }
        await t.back(`${t.base}sdgs/`);
      }
      if (!session) throw new Error('no SDG page links a session');
      await t.clickHref(session);
      const title = await t.h1();
      const speaker = (await t.hrefs('main a', /speakers\/[^/]+\/$/, /\/a-z\//))[0];
      if (!speaker) throw new Error(`session "${title}" links no speaker`);
      await t.clickHref(speaker);
      const name = await t.h1();
      const country = (await t.hrefs('main a', /countries\/[a-z]{2}\/$/))[0];
      if (!country) throw new Error(`speaker "${name}" links no country (pick a site whose speakers have one)`);
      await t.clickHref(country);
      const countryName = await t.h1();
      if (!(await t.hrefs('main a', null)).includes(speaker)) {
        throw new Error(`country "${countryName}" does not list ${name}`);
      }
      // Back: history, then the A–Z indexes lead to the same pages.
      await t.back(speaker);
      await t.click('nav.site-nav a', 'Countries', 'countries/');
      await t.clickHref(country);
      await t.click('nav.site-nav a', 'Speakers', 'speakers/');
      await t.findThroughLetters(speaker);
      await t.clickHref(speaker);
      if ((await t.h1()) !== name) throw new Error('the A–Z index leads to another speaker');
      await t.click('nav.site-nav a', 'Sessions', 'sessions/');
      await t.findThroughPages(session);
      await t.clickHref(session);
      if ((await t.h1()) !== title) throw new Error('the sessions index leads to another session');
      await t.click('header a.site-title', null, '');
    },
  },
  {
    name: 'a session\'s citation: opening BibTeX and CSL-JSON shows the files beside the page, with copy buttons',
    run: async (t) => {
      await t.open('sessions/');
      const session = (await t.hrefs('main a', /sessions\/[^/]+\/$/, /\/page\//))[0];
      if (!session) throw new Error('the sessions index links no session');
      await t.openHref(session);
      const cite = t.page.locator('section.cite');
      if ((await cite.locator('button.copy', { hasText: 'Copy citation' }).count()) !== 1) {
        throw new Error(`${session}: no button copies the citation text`);
      }
      for (const [summary, looks] of [['BibTeX', (x) => x.startsWith('@')], ['CSL-JSON', (x) => Array.isArray(JSON.parse(x))]]) {
        const details = cite.locator('details', { has: t.page.locator('summary', { hasText: summary }) });
        await details.locator('summary').click();
        const text = (await details.locator('pre code').innerText({ timeout: 5000 })).trim();
        if (!looks(text)) throw new Error(`${session}: ${summary} shows ${JSON.stringify(text.slice(0, 60))}`);
        if ((await details.locator('button.copy').count()) !== 1) throw new Error(`${session}: ${summary} has no copy button`);
        t.steps++;
      }
    },
  },
  {
    name: 'with JavaScript off, every index and each of its pages is reachable from home',
    javaScript: false,
    run: async (t) => {
      for (const index of INDEXES) {
        await t.open('');
        await t.click('nav.site-nav a', index.label, index.rel);
        if (!(await t.h1())) throw new Error(`${index.rel} has no heading`);
        // Pagination and letter pages of this index, followed link by link.
        const seen = new Set([t.base + index.rel]);
        const queue = [t.base + index.rel];
        while (queue.length > 0) {
          const href = queue.shift();
          await t.openHref(href);
          const links = await t.hrefs('main a', /\/(page\/\d+|a-z\/[^/]+)\/$/);
          for (const l of links) {
            if (l.startsWith(t.base + index.rel) && !seen.has(l)) {
              seen.add(l);
              queue.push(l);
            }
          }
          const terms = await t.hrefs('main a', null);
          if (terms.length === 0) throw new Error(`${href} links nothing`);
        }
        t.note(`${index.rel}: ${seen.size} page(s) reached without JavaScript`);
      }
    },
  },
  {
    name: 'search finds a speaker typed with and without accents, and the result opens their page',
    run: async (t) => {
      // A speaker whose name has accents, if the site has one: the harder case.
      await t.open('speakers/');
      const letters = await t.hrefs('nav.az a', /\/a-z\/[^/]+\/$/);
      const pages = letters.length > 0 ? letters : [`${t.base}speakers/`];
      let speaker = null;
      for (const letter of pages) {
        await t.openHref(letter);
        const people = await t.page.locator('main a[href*="/speakers/"]').evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href'), name: a.textContent.trim() })),
        );
        const real = people.filter((p) => !/\/a-z\/|\/speakers\/$/.test(p.href));
        speaker = real.find((p) => p.name !== p.name.normalize('NFKD').replace(/\p{M}/gu, '')) ?? speaker ?? real[0];
        if (speaker && speaker.name !== plain(speaker.name)) break;
      }
      if (!speaker) throw new Error('no speaker to search for');
      const name = speaker.name.replace(/\s*\(\d+\)$/, '');
      for (const query of [...new Set([name, plain(name), plain(name).toLowerCase()])]) {
        await t.click('nav.site-nav a', 'Search', 'search/');
        await t.page.locator('#search-input').fill(query);
        const result = t.page.locator(`ol.results a[href="${speaker.href}"]`).first();
        try {
          await result.waitFor({ timeout: 10000 });
        } catch {
          throw new Error(`searching "${query}" does not list ${speaker.href}`);
        }
        if (!new URL(t.page.url()).search.includes('q=')) throw new Error('the query is not kept in the address');
        await t.follow(result, speaker.href);
        t.note(`"${query}" found ${speaker.href}`);
      }
    },
  },
  {
    name: 'a mistyped deep address shows the 404 page, whose links lead back into the site',
    run: async (t) => {
      await t.openMissing('sessions/no-such-session/deeper/');
      if ((await t.h1()) !== 'Page not found') throw new Error('not the 404 page');
      await t.click('main a', 'Home', '');
      await t.openMissing('no/such/page/');
      await t.click('main a', 'Speakers', 'speakers/');
    },
  },
];

/** The screenshots that README.md shows, refreshed on every run of the bundled site. */
export const README_SHOTS = [
  { path: 'sessions/ict-peace-prosperity-security-iot/', width: 1280, height: 900, file: 'screenshot-session.png' },
  { path: 'speakers/houlin-zhao/', width: 390, height: 900, file: 'screenshot-speaker-phone.png' },
];
