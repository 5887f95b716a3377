// Runs queries through a built search index with the site's own search engine
// (assets/search.js), in Node. Used by tests/it/exports.rs and benches/search_size.mjs.
// Usage: node query.mjs <output dir> <query> [<query> ...]
// A query may end in " | group=value" to choose a filter value.
// Prints one JSON line per query: {"query", "results": [site path, …], "total", "bytes",
// "gzip"}: what the query downloads (the index files it fetched), as stored and as a
// server that compresses JSON (GitHub Pages does) sends it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

// With --table first, prints a table for people instead, and the largest download.
const table = process.argv[2] === "--table";
const [out, ...queries] = process.argv.slice(table ? 3 : 2);
const rows = [];
const { SearchIndex } = await import(pathToFileURL(join(out, "assets", "search.js")).href);
for (const query of queries) {
  let bytes = 0;
  let gzip = 0;
  const index = new SearchIndex("search/", async (path) => {
    const data = await readFile(join(out, path));
    bytes += data.length;
    gzip += gzipSync(data).length;
    return JSON.parse(data.toString("utf8"));
  });
  const [text, filter] = query.split(" | ");
  const filters = {};
  if (filter) {
    const [group, value] = filter.split("=");
    filters[group] = [value];
  }
  const found = await index.search(text, filters);
  const docs = await index.documents(found.slice(0, 10));
  const row = { query, results: docs.map((d) => d.url), total: found.length, bytes, gzip };
  rows.push(row);
  if (!table) console.log(JSON.stringify(row));
}
if (table) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(6);
  for (const r of rows) {
    console.log(`  search ${JSON.stringify(r.query).padEnd(62)} ${String(r.total).padStart(6)} results ${kb(r.bytes)} KB (${kb(r.gzip)} KB gzip)`);
  }
  const worst = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  console.log(`${rows.length} queries: largest download ${kb(worst.bytes)} KB (${kb(worst.gzip)} KB gzip), for ${JSON.stringify(worst.query)}`);
}
