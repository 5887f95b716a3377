// Search over the index that `proceedings build` writes to /search/ (see
// src/render/search/mod.rs for its layout). An ES module: the search page loads it
// with <script type="module">, and the test suite imports the same engine in Node.
//
// `terms` must fold text exactly as src/render/search/fold.rs does.

const SPELLED = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ς": "σ" };
/** Longer runs are blobs, not words: the index skips them (MAX_TERM_CHARS). */
const MAX_TERM_CHARS = 64;

/** The search terms of a text: lower case, accents dropped, runs of letters and digits. */
export function terms(text) {
  const folded = Array.from(text.toLowerCase(), (c) => SPELLED[c] ?? c)
    .join("")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
  return folded
    .split(/[^\p{Alphabetic}\p{N}]+/u)
    .filter((t) => t.length > 0 && Array.from(t).length <= MAX_TERM_CHARS);
}

/** Orders strings by code point, as the index (sorted UTF-8) does. */
function compare(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The digits of the index's number encoding (src/render/search/mod.rs, push_number). */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT_VALUE = new Map(Array.from(DIGITS, (c, i) => [c, i]));

/** Decodes a string of numbers: base 32, digits >= 32 say that more digits follow. */
export function decode(text) {
  const out = [];
  let n = 0;
  for (const c of text) {
    const d = DIGIT_VALUE.get(c) ?? 0;
    n = n * 32 + (d & 31);
    if (d < 32) {
      out.push(n);
      n = 0;
    }
  }
  return out;
}

/** Chunks searched for a prefix before giving up on rarer completions. */
const PREFIX_CHUNKS = 3;

export class SearchIndex {
  /**
   * @param {string} base URL of the index folder, e.g. "/repo/search/".
   * @param {(url: string) => Promise<any>} fetchJson
   */
  constructor(base, fetchJson) {
    this.base = base;
    this.fetchJson = fetchJson;
    this.cache = new Map();
  }

  get(path) {
    if (!this.cache.has(path)) {
      this.cache.set(path, this.fetchJson(this.base + path));
    }
    return this.cache.get(path);
  }

  manifest() {
    return this.get("index.json");
  }

  /** Index of the term chunk that holds `term` (or would). */
  async chunkOf(term) {
    const starts = (await this.manifest()).term_chunks;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compare(starts[mid], term) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Documents containing `term` (or, with `prefix`, any term starting with it): Map doc -> weight. */
  async lookup(term, prefix) {
    const starts = (await this.manifest()).term_chunks;
    const found = new Map();
    if (starts.length === 0) return found;
    let n = await this.chunkOf(term);
    for (let searched = 0; n < starts.length && searched < (prefix ? PREFIX_CHUNKS : 1); n++, searched++) {
      if (searched > 0 && !starts[n].startsWith(term)) break;
      const chunk = await this.get(`terms/${n}.json`);
      for (const [t, encoded] of Object.entries(chunk)) {
        if (t === term || (prefix && t.startsWith(term))) {
          const list = decode(encoded);
          let doc = 0;
          for (let i = 0; i < list.length; i += 2) {
            doc += list[i];
            found.set(doc, Math.max(found.get(doc) ?? 0, list[i + 1]));
          }
        }
      }
    }
    return found;
  }

  /** Documents with any of `values` in filter group `group`. */
  async filtered(group, values) {
    const listed = (await this.manifest()).filters.find((g) => g.id === group)?.values ?? [];
    const docs = new Set();
    for (const v of values) {
      const n = listed.findIndex(([value]) => value === v);
      if (n < 0) continue;
      let doc = 0;
      for (const d of decode(await this.get(`filters/${group}/${n}.json`))) docs.add((doc += d));
    }
    return docs;
  }

  /**
   * Every document matching all terms of `query` (the last one as a prefix, so results
   * come while typing) and at least one chosen value of each filter group, best first.
   * @param {Record<string, string[]>} filters group id -> chosen values
   */
  async search(query, filters = {}) {
    const manifest = await this.manifest();
    const words = terms(query);
    const chosen = Object.entries(filters).filter(([, values]) => values.length > 0);
    if (words.length === 0 && chosen.length === 0) return [];
    let scores = null;
    for (const [i, word] of words.entries()) {
      const found = await this.lookup(word, i === words.length - 1);
      const idf = Math.log(1 + manifest.documents / Math.max(1, found.size));
      const next = new Map();
      for (const [doc, weight] of found) {
        if (scores === null || scores.has(doc)) next.set(doc, (scores?.get(doc) ?? 0) + weight * idf);
      }
      scores = next;
    }
    for (const [group, values] of chosen) {
      const allowed = await this.filtered(group, values);
      if (scores === null) {
        scores = new Map([...allowed].map((d) => [d, 0]));
      } else {
        for (const doc of [...scores.keys()]) if (!allowed.has(doc)) scores.delete(doc);
      }
    }
    return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc);
  }

  /** What results show: {url, title, kind, details, excerpt}; `url` is a site path. */
  async documents(ids) {
    const size = (await this.manifest()).doc_chunk;
    return Promise.all(
      ids.map(async (id) => {
        const rows = await this.get(`docs/${Math.floor(id / size)}.json`);
        const [url, title, kind, details, excerpt] = rows[id % size];
        return { url, title, kind, details, excerpt };
      }),
    );
  }
}

/** Results shown at once; "More results" shows the next ones. */
const PAGE = 20;

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** Builds the search page inside `root`, which carries data-index and data-base. */
async function mount(root) {
  const index = new SearchIndex(root.dataset.index, async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    return response.json();
  });
  const base = root.dataset.base;
  const form = root.querySelector("form");
  const input = form.querySelector("input[type=search]");
  const status = root.querySelector("[role=status]");
  const list = root.querySelector("ol.results");
  const more = root.querySelector("button.more");
  const filterBox = root.querySelector(".filters");
  const checks = [];
  let found = [];
  let shown = 0;
  let generation = 0;
  let showing = null;

  // Shows the next page of results of run `mine`; a newer run or a second click while
  // the records load must not append to (or duplicate in) the list.
  async function showMore(mine = generation) {
    if (showing) return;
    showing = index.documents(found.slice(shown, shown + PAGE));
    try {
      const docs = await showing;
      if (mine !== generation) return;
      for (const d of docs) {
        // <bdi>: a title in another script (or with a direction override) stays apart.
        const link = element("a", { href: base + d.url }, element("bdi", {}, d.title));
        const item = element("li", {}, element("p", { class: "result-title" }, link));
        item.append(element("p", { class: "result-details" }, `${d.kind}${d.details ? " · " + d.details : ""}`));
        if (d.excerpt) item.append(element("p", { class: "result-excerpt", dir: "auto" }, d.excerpt));
        list.append(item);
      }
      shown += docs.length;
      more.hidden = shown >= found.length;
    } finally {
      showing = null;
    }
  }

  async function run() {
    const mine = ++generation;
    const query = input.value;
    const filters = {};
    for (const c of checks) if (c.checked) (filters[c.name] ??= []).push(c.value);
    const url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    try {
      const results = await index.search(query, filters);
      // A pending page of an older run must finish (and drop itself) before this one shows.
      while (showing) await showing.catch(() => {});
      if (mine !== generation) return;
      found = results;
      shown = 0;
      list.replaceChildren();
      const nothing = terms(query).length === 0 && Object.keys(filters).length === 0;
      status.textContent = nothing ? "" : `${found.length} result${found.length === 1 ? "" : "s"}`;
      await showMore(mine);
    } catch (error) {
      status.textContent = `Search failed: ${error.message}`;
    }
  }

  // Listeners come first: a reader (or a test) may type before the manifest has loaded.
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  filterBox.addEventListener("change", run);
  more.addEventListener("click", () => showMore());
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) input.value = q;
  if (input.value) run();

  const manifest = await index.manifest();
  for (const group of manifest.filters) {
    if (group.values.length < 2 && group.id !== "kind") continue;
    const fieldset = element("fieldset", {}, element("legend", {}, group.label));
    for (const [value, count] of group.values) {
      const box = element("input", { type: "checkbox", name: group.id, value });
      checks.push(box);
      fieldset.append(element("label", {}, box, ` ${value} `, element("span", { class: "count" }, `(${count})`)));
    }
    filterBox.append(element("details", {}, element("summary", {}, group.label), fieldset));
  }
  filterBox.hidden = false;
}

if (typeof document !== "undefined") {
  const root = document.getElementById("search");
  if (root) mount(root);
}
