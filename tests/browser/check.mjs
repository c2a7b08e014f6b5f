// Drives Debian's chromium (through playwright-core) over a built briefing site, as a
// reader would: from file:// and from a local HTTP server under a sub-path.
// Run by tests/integration/browser.rs:
//   node check.mjs <site dir> <screenshot dir> [<fixture site dir>]
// The optional fixture site (tests/fixtures/analysis, three rounds) is photographed, to
// show every kind of movement in a round, and its frozen matrices are compared.
// Prints one line per check and exits non-zero on the first failure.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";

const [site, shots, fixture] = process.argv.slice(2).map((p) => path.resolve(p));
const SUBPATH = "/intranet/briefing/";
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv" };

// A tiny static server that serves the site only under SUBPATH, with a strict CSP.
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const rel = decodeURIComponent(url.pathname);
    const file = path.join(site, rel.slice(SUBPATH.length));
    if (!rel.startsWith(SUBPATH) || !file.startsWith(site) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Content-Security-Policy": CSP });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const server = await serve();
const httpBase = `http://127.0.0.1:${server.address().port}${SUBPATH}`;
const fileBase = pathToFileURL(site).href + "/";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split("\n").join("\n  ")}`);
  }
}

// A page that records everything the reader should never see.
async function open(base, rel, { media } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const local = (u) => u.startsWith(base.startsWith("file:") ? "file://" : `http://127.0.0.1:${server.address().port}/`) || u.startsWith("data:");
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => { if (!local(r.url())) problems.push(`request leaving localhost: ${r.url()}`); });
  if (media) await page.emulateMedia({ media });
  await page.goto(base + rel, { waitUntil: "load" });
  return { page, problems, close: () => context.close() };
}

const PAGES = ["index.html", "matrix.html", "timeline.html", "declarations.html", "sourcing.html", "search.html", "search.html?q=occasion",
  "statements/umerov-90-percent.html", "guarantees/military-presence.html", "rounds/paris-round-2026-01.html", "embed/matrix.html", "embed/changes.html", "embed/timeline.html"];

fs.mkdirSync(shots, { recursive: true });
for (const [label, base] of [["file://", fileBase], ["http sub-path", httpBase]]) {
  for (const rel of PAGES) {
    await check(`${label} ${rel}: no console errors, failed requests or outside requests`, async () => {
      const { page, problems, close } = await open(base, rel);
      // Every same-site link target on the page exists (stylesheets and scripts included).
      assert.equal(await page.locator("main").count() + await page.locator("body.embed").count() > 0, true);
      await close();
      assert.deepEqual(problems, []);
    });
  }

  await check(`${label} search finds a statement by a word only its body contains`, async () => {
    const { page, problems, close } = await open(base, "search.html");
    await page.fill("#search-input", "occasion");
    const first = page.locator("#search-results li a").first();
    await first.waitFor();
    assert.equal(await page.locator("#search-results li").count(), 1);
    assert.equal(await first.getAttribute("href"), "statements/umerov-90-percent.html");
    await first.click();
    await page.waitForURL(/umerov-90-percent\.html$/);
    assert.match(await page.locator("h1").innerText(), /90%/);
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} the matrix shows the expected statuses`, async () => {
    const { page, problems, close } = await open(base, "matrix.html");
    const cells = await page.locator("table.matrix td.cell[data-status]").evaluateAll((tds) =>
      tds.map((td) => [td.closest("tr").querySelector("th").innerText.trim(), td.dataset.status, td.querySelector(".status").innerText.trim()]));
    assert.deepEqual(cells.sort(), [
      ["Military presence after a ceasefire", "proposed", "proposed"],
      ["Ukraine–US military document", "agreed", "agreed"],
    ]);
    const link = await page.locator("td.cell-agreed a").getAttribute("href");
    assert.equal(link, "guarantees/us-ukraine-military-document.html#contribution-1");
    if (label === "file://") await page.screenshot({ path: path.join(shots, "matrix.png"), fullPage: true });
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} print emulation hides navigation and keeps the TLP marking`, async () => {
    const { page, problems, close } = await open(base, "index.html", { media: "print" });
    assert.equal(await page.locator(".site-nav").isVisible(), false);
    assert.equal(await page.locator(".tlp-banner-top").isVisible(), true);
    assert.equal(await page.locator(".tlp-banner-bottom").isVisible(), true);
    if (label === "file://") await page.screenshot({ path: path.join(shots, "front-print.png"), fullPage: true });
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} print emulation fits the matrix to the page width`, async () => {
    const { page, problems, close } = await open(base, "matrix.html", { media: "print" });
    await page.setViewportSize({ width: 700, height: 990 });
    const [table, main] = await page.evaluate(() => [document.querySelector("table.matrix").scrollWidth, document.querySelector("main").clientWidth]);
    assert.ok(table <= main + 1, `matrix ${table}px wider than the page ${main}px`);
    await close();
    assert.deepEqual(problems, []);
  });
}

await check("pages are readable without JavaScript", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(fileBase + "index.html");
  assert.match(await page.locator("#section-bottom-line").innerText(), /Bottom line/);
  await page.goto(fileBase + "search.html");
  assert.equal(await page.locator("noscript").count(), 1);
  await context.close();
});

for (const [rel, name] of [["index.html", "front.png"], ["timeline.html", "timeline.png"]]) {
  const { page, close } = await open(fileBase, rel);
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
  await close();
}

if (fixture) {
  const base = pathToFileURL(fixture).href + "/";
  for (const [rel, name] of [["rounds/r3.html", "fixture-round-changes.png"], ["matrix.html", "fixture-matrix.png"]]) {
    await check(`fixture ${rel}: no console errors, failed requests or outside requests`, async () => {
      const { page, problems, close } = await open(base, rel);
      await page.screenshot({ path: path.join(shots, name), fullPage: true });
      await close();
      assert.deepEqual(problems, []);
    });
  }
  // Time travel: round 1's frozen matrix and the current one, from file://, differ where
  // the fixture's history says (tests/fixtures/analysis/content/guarantees/*.md). A cell
  // shows its weakest status first: Aland on Alpha declared then, proposed now (More
  // alpha, beside the signed Alpha); Borduria on Beta agreed then, withdrawn now;
  // Carpathia on Beta agreed then (More beta, beside the implemented Beta), declared now.
  const statuses = (page) => page.locator("table.matrix tbody td.cell, table.matrix tbody td.cell-none")
    .evaluateAll((tds) => tds.map((td) => td.dataset.status ?? "-"));
  await check("fixture: round 1's frozen matrix differs from the current one where history says", async () => {
    const { page, problems, close } = await open(base, "rounds/r1/matrix.html");
    // Rows Alpha, Beta; columns Aland, Borduria, Carpathia.
    assert.deepEqual(await statuses(page), ["declared", "declared", "-", "agreed", "agreed", "agreed"]);
    await page.screenshot({ path: path.join(shots, "fixture-matrix-r1.png"), fullPage: true });
    // The round picker steps to round 2, then to the current matrix.
    await page.locator(".round-picker a[rel=next]").click();
    assert.match(page.url(), /rounds\/r2\/matrix\.html$/);
    await page.locator(".round-picker a", { hasText: "Now" }).click();
    assert.match(page.url(), /\/matrix\.html$/);
    assert.doesNotMatch(page.url(), /rounds/);
    assert.deepEqual(await statuses(page), ["proposed", "declared", "-", "agreed", "withdrawn", "declared"]);
    await close();
    assert.deepEqual(problems, []);
  });
}

// ---------- Charts (inline SVG drawn at build time) ----------
// Each chart is an image with a non-empty accessible name (its <title>, through
// aria-labelledby), drawn at a readable size, with its data as a table for screen
// readers; at phone width the figure stays in the viewport (the drawing scrolls in its
// own box); in print it fits the page.
async function checkCharts(bases) {
  const PAGES = [
    ["site", "index.html", ["chart-rounds"]],
    ["site", "timeline.html", ["chart-activity"]],
    ["site", "guarantees/military-presence.html", ["chart-paths"]],
    ["fixture", "index.html", ["chart-rounds"]],
    ["fixture", "rounds/r2.html", ["chart-rounds"]],
    ["fixture", "guarantees/beta.html", ["chart-paths"]],
    ["fixture", "timeline.html", ["chart-activity"]],
  ];
  for (const [which, rel, ids] of PAGES) {
    const base = bases[which];
    if (!base) continue;
    await check(`charts: ${which} ${rel} draws ${ids.join(", ")} with an accessible name`, async () => {
      const { page, problems, close } = await open(base, rel);
      const figures = page.locator("figure.chart");
      assert.deepEqual(await figures.evaluateAll((fs) => fs.map((f) => f.id)), ids);
      for (const id of ids) {
        const figure = page.locator(`figure#${id}`);
        const title = (await figure.locator("figcaption strong").innerText()).trim();
        assert.ok(title.length > 0, "a caption");
        // The browser's accessible name of the drawing: its <title>.
        const img = figure.getByRole("img", { name: title, exact: true });
        assert.equal(await img.count(), 1, `one image named "${title}"`);
        const box = await img.boundingBox();
        assert.ok(box && box.width > 300 && box.height > 80, `drawn at a readable size: ${JSON.stringify(box)}`);
        const desc = await img.evaluate((svg) => svg.querySelector("desc")?.textContent ?? "");
        assert.ok(desc.length > 20, "a description");
        const rows = await figure.locator("table.visually-hidden tbody tr").count();
        assert.ok(rows > 0, "the data as a table");
        if (which === "fixture") await figure.screenshot({ path: path.join(shots, `chart-${rel.replace(/[\/.]/g, "-")}.png`) });
      }
      // At phone width the figure fits the viewport; only its drawing scrolls.
      await page.setViewportSize({ width: 390, height: 844 });
      const widths = await figures.evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().right));
      for (const right of widths) assert.ok(right <= 390, `figure ends at ${right}px`);
      await close();
      assert.deepEqual(problems, []);
    });
  }
  const base = bases.fixture ?? bases.site;
  await check("charts: in print a chart fits the page width", async () => {
    const { page, problems, close } = await open(base, "index.html", { media: "print" });
    await page.setViewportSize({ width: 700, height: 990 });
    const [svg, main] = await page.evaluate(() => [document.querySelector("figure.chart svg").getBoundingClientRect().width, document.querySelector("main").clientWidth]);
    assert.ok(svg <= main + 1, `chart ${svg}px wider than the page ${main}px`);
    await close();
    assert.deepEqual(problems, []);
  });
}

await checkCharts({ site: fileBase, fixture: fixture ? pathToFileURL(fixture).href + "/" : null });

await browser.close();
server.close();
console.log(`${failures === 0 ? "all browser checks passed" : `${failures} browser checks failed`}; screenshots in ${shots}`);
process.exit(failures === 0 ? 0 : 1);
