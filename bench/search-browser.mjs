// How long a reader waits for search results, in headless Chromium, on a built site:
//   node bench/search-browser.mjs <built site dir> [query ...]
// (playwright-core is the browser test's: `npm ci --prefix tests/browser` once;
// CHROMIUM overrides /usr/bin/chromium.) For each query, a fresh page opens
// search.html from file:// (nothing cached), waits until the manifest is loaded, types
// the query a key at a time, and measures from the last keystroke's `input` event to the
// first result in the list (or, for a query that finds nothing, to the status line
// saying so). The time includes search.js's pause of 60 ms after typing, loading the
// term shards (none for one letter: the manifest lists its first results) and item
// blocks the query needs, and drawing the first 50 results. Prints
// one line per query and the median, and what the first load of search.html fetched.
import path from "node:path";
import { pathToFileURL } from "node:url";

const { chromium } = await import(new URL("../tests/browser/node_modules/playwright-core/index.mjs", import.meta.url));
const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error("usage: node bench/search-browser.mjs <built site dir> [query ...]");
  process.exit(2);
}
const queries = given.length ? given : ["a", "ag", "se", "mo", "ky", "pro", "agreement"];
const url = pathToFileURL(path.resolve(site)).href + "/search.html";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

const times = [];
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("requestfinished", async (r) => {
    const sizes = await r.sizes().catch(() => null);
    fetched.push([r.url(), sizes ? sizes.responseBodySize : 0]);
  });
  await page.goto(url, { waitUntil: "load" });
  // Ready when the status line has left its "searching" state after the manifest loaded.
  await page.waitForFunction(() => document.getElementById("search-input").form && window.BriefingSearch && document.getElementById("search-status").textContent.trim() !== "");
  const firstLoad = fetched.reduce((n, [, b]) => n + b, 0);
  await page.evaluate(() => {
    const list = document.getElementById("search-results");
    const status = document.getElementById("search-status");
    const before = status.textContent;
    window.__bench = { input: 0, done: 0, results: 0, status: "" };
    document.getElementById("search-input").addEventListener("input", () => { window.__bench.input = performance.now(); });
    const finish = () => {
      if (window.__bench.done) return;
      window.__bench.done = performance.now();
      window.__bench.results = list.children.length;
      window.__bench.status = status.textContent;
    };
    new MutationObserver(() => { if (list.children.length) finish(); }).observe(list, { childList: true });
    // A query too short to search changes only the status line.
    new MutationObserver(() => {
      const s = status.textContent;
      if (s !== before && !list.children.length && !/…|\.\.\./.test(s) && window.__bench.input) finish();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.focus("#search-input");
  await page.keyboard.type(q);
  await page.waitForFunction(() => window.__bench.done > 0, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.__bench);
  const ms = r.done - r.input;
  times.push(ms);
  console.log(`${JSON.stringify(q).padEnd(14)} ${ms.toFixed(0).padStart(5)} ms  ${String(r.results).padStart(3)} shown  "${r.status.trim()}"  (first load ${(firstLoad / 1024).toFixed(0)} kB)`);
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${times.length} queries`);
await browser.close();
