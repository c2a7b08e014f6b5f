// Drives Debian's chromium (through playwright-core) over a built briefing site, as a
// reader would: from file:// and from a local HTTP server under a sub-path.
// Run by tests/integration/browser.rs:
//   node check.mjs <site dir> <screenshot dir> [<fixture site dir> [<wide matrix site dir>]]
// The optional fixture site (tests/fixtures/analysis, three rounds) is photographed, to
// show every kind of movement in a round, and its frozen matrices are compared. The
// optional wide matrix site (tests/fixtures/wide-matrix, 9 actors) checks the matrix's
// layout (see "Reading at any width" below).
// Prints one line per check and exits non-zero on the first failure.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";

const [site, shots, fixture, wide] = process.argv.slice(2).map((p) => path.resolve(p));
const HOST_FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures", "embed-host.html");
const SUBPATH = "/intranet/briefing/";
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv" };

// A tiny static server that serves the site only under SUBPATH, with a strict CSP.
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const rel = decodeURIComponent(url.pathname);
    // The host page of an embed (a test fixture), as an intranet would serve it.
    if (rel === "/host/embed-host.html") {
      const html = fs.readFileSync(HOST_FIXTURE, "utf8").replaceAll("__EMBED_BASE__", `http://127.0.0.1:${server.address().port}${SUBPATH}`);
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Content-Security-Policy": "default-src 'none'; frame-src http://127.0.0.1:*; script-src http://127.0.0.1:*; style-src 'unsafe-inline'" });
      res.end(html);
      return;
    }
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

const PAGES = ["index.html", "matrix.html", "timeline.html", "declarations.html", "claims.html", "sourcing.html", "search.html", "search.html?q=occasion",
  "statements/umerov-90-percent.html", "guarantees/military-presence.html", "rounds/paris-round-2026-01.html", "embed/matrix.html", "embed/changes.html", "embed/timeline.html",
  // The pages of the views split into pages (a folder down from the root).
  "timeline/2026-01.html", "declarations/actors.html", "declarations/components.html", "declarations/exchanges.html",
  "sourcing/register.html", "sourcing/single-source.html",
  // The Ukrainian version (a folder down from the root), its search included.
  "uk/index.html", "uk/matrix.html", "uk/search.html?q=occasion"];

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

  await check(`${label} the language switcher opens the page in Ukrainian and back`, async () => {
    const { page, problems, close } = await open(base, "matrix.html");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.locator(".language-switcher a[hreflang=uk]").click();
    await page.waitForURL(/\/uk\/matrix\.html$/);
    assert.equal(await page.locator("html").getAttribute("lang"), "uk");
    assert.equal(await page.locator(".language-switcher a[aria-current]").innerText(), "Українська");
    assert.equal(await page.locator(".site-nav a[aria-current=page]").innerText(), "Матриця");
    await page.locator(".language-switcher a[hreflang=en]").click();
    await page.waitForURL((u) => u.pathname.endsWith("/matrix.html") && !u.pathname.includes("/uk/"));
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.locator(".language-switcher a[aria-current]").innerText(), "English");
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} search finds a statement by a word only its body contains`, async () => {
    const { page, problems, close } = await open(base, "search.html");
    // The first load fetches the script and the manifest only; a query, its shards
    // and the block of items its results need.
    // (Every script is a <script> element: the page's own, and those the loader adds.)
    const loaded = () => page.evaluate(() => [...document.querySelectorAll("script[src]")]
      .map((s) => s.getAttribute("src").replace(/^(\.\.\/)*/, "").replace(/^.*\/(?=search)/, "")).sort());
    await page.locator("#search-status", { hasText: "Type a word" }).waitFor();
    assert.deepEqual(await loaded(), ["search.js", "search/manifest.js"]);
    await page.fill("#search-input", "occ");
    await page.locator("#search-results li a").first().waitFor();
    assert.deepEqual(await loaded(), ["search.js", "search/d0.js", "search/manifest.js", "search/t0.js"]);
    await page.fill("#search-input", "occasion");
    // The results of "occ" stay until the new query runs (after a pause in typing), and
    // may be the same one statement: wait for the status line to name "occasion", which
    // it does once that query's results are drawn, so that the click below does not land
    // on a list being replaced.
    await page.locator("#search-status", { hasText: "“occasion”" }).waitFor();
    await page.waitForFunction(() => {
      const items = document.querySelectorAll("#search-results li a");
      return items.length === 1 && items[0].getAttribute("href").endsWith("umerov-90-percent.html");
    });
    const first = page.locator("#search-results li a").first();
    assert.equal(await page.locator("#search-results li").count(), 1);
    assert.equal(await first.getAttribute("href"), "statements/umerov-90-percent.html");
    await first.click();
    await page.waitForURL(/umerov-90-percent\.html$/);
    assert.match(await page.locator("h1").innerText(), /90%/);
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} search answers one letter from the manifest, title matches first`, async () => {
    const { page, problems, close } = await open(base, "search.html?q=k");
    await page.locator("#search-status", { hasText: "“k”" }).waitFor();
    // The manifest lists the first results of each letter: no shard of terms is loaded.
    const loaded = await page.evaluate(() => [...document.querySelectorAll("script[src]")]
      .map((s) => s.getAttribute("src").replace(/^(\.\.\/)*/, "").replace(/^.*\/(?=search)/, "")).sort());
    assert.deepEqual(loaded, ["search.js", "search/d0.js", "search/manifest.js"]);
    const titles = await page.locator("#search-results li a").evaluateAll((as) => as.map((a) => a.textContent));
    const inTitle = titles.map((t) => /(^|[^\p{L}\p{N}])k/iu.test(t));
    assert.ok(inTitle.includes(true) && inTitle.includes(false), JSON.stringify(titles));
    assert.deepEqual(inTitle, [...inTitle].sort((a, b) => b - a), JSON.stringify(titles));
    // Several one-letter words ask for a longer word.
    await page.fill("#search-input", "k y");
    await page.locator("#search-status", { hasText: "two letters" }).waitFor();
    assert.equal(await page.locator("#search-results li").count(), 0);
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} search lists title matches first, then the rest in the index's order`, async () => {
    const { page, problems, close } = await open(base, "search.html?q=paris");
    await page.locator("#search-status", { hasText: "“paris”" }).waitFor();
    const titles = await page.locator("#search-results li a").evaluateAll((as) => as.map((a) => a.textContent));
    const inTitle = titles.map((t) => /paris/i.test(t));
    // Three items have Paris in their title; others mention it in their text only.
    assert.equal(inTitle.filter(Boolean).length, 3, JSON.stringify(titles));
    assert.ok(titles.length > 3, JSON.stringify(titles));
    assert.deepEqual(inTitle, [...inTitle].sort((a, b) => b - a), JSON.stringify(titles));
    // Every word must match: the summit in Kyiv's week, not every item naming Kyiv.
    await page.fill("#search-input", "kyiv summit");
    await page.locator("#search-status", { hasText: "“kyiv summit”" }).waitFor();
    const both = await page.locator("#search-results li").count();
    await page.fill("#search-input", "kyiv");
    await page.locator("#search-status", { hasText: "“kyiv”" }).waitFor();
    assert.ok(both > 0 && both < await page.locator("#search-results li").count());
    await close();
    assert.deepEqual(problems, []);
  });

  await check(`${label} the claims page checks Umerov's 90% and links to the statement`, async () => {
    const { page, problems, close } = await open(base, "claims.html");
    const claim = page.locator("div.claim").first();
    assert.equal(await page.locator("div.claim").count(), 1);
    assert.equal((await claim.locator(".verdict").innerText()).trim(), "Cannot be checked");
    assert.match(await claim.locator(".claim-reason").innerText(), /no provision of the text is coded/);
    await claim.locator("a", { hasText: "90%" }).click();
    await page.waitForURL(/umerov-90-percent\.html$/);
    assert.equal((await page.locator("#section-claims ~ div.claim .verdict").innerText()).trim(), "Cannot be checked");
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
    assert.doesNotMatch(page.url().slice(base.length), /rounds/);
    assert.deepEqual(await statuses(page), ["proposed", "declared", "-", "agreed", "withdrawn", "declared"]);
    await close();
    assert.deepEqual(problems, []);
  });
}

// ---------- Reading at any width: phone-width tables, the matrix, dark mode, embeds ----------
// Issue 17. Pages at 390, 768 and 1,366 px: nothing wider than the screen except inside
// a deliberate scroll container (overflow-x auto or scroll, itself on screen); every
// status badge of the front page's "What changed" table on screen at 390 px; text,
// links and TLP banners with WCAG AA contrast, light and dark (computed colours); the
// wide matrix fixture drawn with actors as rows and sticky headings; an embed inside a
// host page (tests/browser/fixtures/embed-host.html) as tall as its content.

const WIDTHS = [390, 768, 1366];
const READ_PAGES = ["index.html", "matrix.html", "declarations.html", "declarations/actors.html", "timeline/2026-01.html",
  "sourcing/register.html", "guarantees/military-presence.html"];

// A page at a given width and colour scheme, recording errors like `open`.
async function openAt(base, rel, { width = 1366, height = 844, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(base + rel, { waitUntil: "load" });
  return { page, problems, close: () => context.close() };
}

// Runs in the page: every element sticking out of the viewport sideways, unless a
// scrolling (or clipping) ancestor that is itself on screen holds it; and whether the
// page itself scrolls sideways.
function overflowing() {
  const vw = document.documentElement.clientWidth;
  const inside = (r) => r.left >= -1 && r.right <= vw + 1;
  // The first ancestor that scrolls or clips sideways and is itself on screen (an
  // <svg> clips its drawing, but may itself sit in a scroll box).
  const holder = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX) && inside(p.getBoundingClientRect())) return p;
    }
    return null;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || inside(r)) continue;
    if (holder(el)) continue;
    out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
  }
  if (document.documentElement.scrollWidth > vw + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${vw} px`);
  return out;
}

// Runs in the page: every element with text of its own whose computed colour against
// its computed background falls below WCAG AA. The background is the first opaque
// colour up the tree with the translucent ones below it laid over it; background
// images (the matrix's scroll shadows, striped cells) are left out.
function lowContrast() {
  const rgb = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const background = (el) => {
    const layers = [];
    let base = null;
    for (let e = el; e && !base; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.99) base = c;
      else if (c && c.a > 0) layers.push(c);
    }
    base ??= { r: 255, g: 255, b: 255, a: 1 };
    return layers.reduceRight((under, c) => ({ r: c.r * c.a + under.r * (1 - c.a), g: c.g * c.a + under.g * (1 - c.a), b: c.b * c.a + under.b * (1 - c.a), a: 1 }), base);
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (s.visibility !== "visible" || r.width <= 1 || r.height <= 1 || el.closest("[aria-hidden=true]")) continue;
    const fg = rgb(s.color);
    const bg = background(el);
    if (!fg) continue;
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    const got = ratio(fg, bg);
    if (got < need) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 30)}": ${got.toFixed(2)} < ${need} (${s.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
  }
  return out;
}

async function readingAtAnyWidth() {
  for (const width of WIDTHS) {
    for (const rel of READ_PAGES) {
      await check(`${rel} at ${width} px: nothing wider than the screen outside a scroll container`, async () => {
        const { page, problems, close } = await openAt(fileBase, rel, { width });
        assert.deepEqual(await page.evaluate(overflowing), []);
        if (width === 390) {
          // At phone width no table needs its scroll container: each row is a card.
          const wide = await page.locator(".table-wrap").evaluateAll((ws) => ws.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.firstElementChild.className));
          assert.deepEqual(wide, []);
          await page.screenshot({ path: path.join(shots, `w390-${rel.replaceAll("/", "-").replace(".html", "")}.png`), fullPage: true });
        }
        await close();
        assert.deepEqual(problems, []);
      });
    }
  }

  // Every other page at phone width too.
  for (const rel of PAGES.filter((p) => !READ_PAGES.includes(p)).concat(["meetings/index.html", "statements/index.html", "actors/index.html", "sources/index.html", "documents/index.html", "meetings/paris-summit.html"])) {
    await check(`${rel} at 390 px: nothing wider than the screen outside a scroll container`, async () => {
      const { page, problems, close } = await openAt(fileBase, rel, { width: 390 });
      assert.deepEqual(await page.evaluate(overflowing), []);
      await close();
      assert.deepEqual(problems, []);
    });
  }

  await check("at 390 px every status badge of the front page's 'What changed' table is on screen", async () => {
    const { page, problems, close } = await openAt(fileBase, "index.html", { width: 390 });
    const badges = await page.locator("table.changes .status").evaluateAll((bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [b.innerText, Math.round(r.left), Math.round(r.right)]; }));
    assert.ok(badges.length >= 2, `only ${badges.length} badges`);
    const vw = await page.evaluate(() => document.documentElement.clientWidth);
    assert.deepEqual(badges.filter(([, l, r]) => l < 0 || r > vw), []);
    await close();
    assert.deepEqual(problems, []);
  });

  await check("at 390 px the navigation is a disclosure that opens without JavaScript", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fileBase + "matrix.html");
    const summary = page.locator(".nav-menu > summary");
    assert.match(await summary.innerText(), /Menu/);
    const header = await page.locator(".site-header").boundingBox();
    assert.ok(header.height < 260, `header ${header.height} px tall`);
    assert.equal(await page.locator(".nav-menu a", { hasText: "Timeline" }).isVisible(), false);
    await summary.click();
    await page.locator(".nav-menu a", { hasText: "Timeline" }).click();
    await page.waitForURL(/timeline\.html$/);
    await context.close();
  });

  await check("at 1366 px the one navigation list shows as a bar, without its Menu summary", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fileBase + "matrix.html");
    assert.equal(await page.locator(".site-nav ul").count(), 1);
    assert.equal(await page.locator(".nav-menu > summary").isVisible(), false);
    const links = page.locator(".nav-menu a");
    const first = await links.first().boundingBox();
    const second = await links.nth(1).boundingBox();
    assert.ok(Math.abs(first.y - second.y) < 2 && second.x > first.x, "the links sit side by side");
    const header = await page.locator(".site-header").boundingBox();
    assert.ok(header.height < 260, `header ${header.height} px tall`);
    await links.filter({ hasText: "Timeline" }).click();
    await page.waitForURL(/timeline\.html$/);
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    for (const rel of READ_PAGES) {
      await check(`${scheme} ${rel}: WCAG AA contrast for every text, link and TLP banner`, async () => {
        const { page, problems, close } = await openAt(fileBase, rel, { colorScheme: scheme });
        assert.deepEqual(await page.evaluate(lowContrast), []);
        const named = await page.evaluate(() => [...document.querySelectorAll("main p, main a, .tlp-label, .tlp-meaning")].length);
        assert.ok(named > 3);
        if (scheme === "dark") {
          // The TLP banner keeps FIRST's colours: its label on black.
          const [bg, fg] = await page.locator(".tlp-banner-top").evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b.querySelector(".tlp-label")).color]);
          assert.equal(bg, "rgb(0, 0, 0)");
          assert.equal(fg, "rgb(255, 255, 255)");
          assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
          if (rel === "index.html") await page.screenshot({ path: path.join(shots, "front-dark.png"), fullPage: true });
        }
        await close();
        assert.deepEqual(problems, []);
      });
    }
  }

  await check("an embed in a host page takes its content's height; a frame without the marker keeps its own", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    // The host page on another origin (localhost) than the embeds (127.0.0.1).
    await page.goto(`http://localhost:${server.address().port}/host/embed-host.html`, { waitUntil: "load" });
    const sized = page.locator("#sized");
    const content = () => page.frameLocator("#sized").locator("html").evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    // The frame settles at its content's height (a frame's scrollbar going away may
    // change that height once more).
    const settled = async () => {
      for (let i = 0; i < 40; i++) {
        const [frame, want] = [await sized.evaluate((f) => f.clientHeight), await content()];
        if (Math.abs(frame - want) <= 1) return want;
        await page.waitForTimeout(50);
      }
      assert.fail(`frame ${await sized.evaluate((f) => f.clientHeight)} px, content ${await content()} px`);
    };
    const want = await settled();
    assert.ok(want > 300, `content ${want} px`);
    // Narrower, the content grows taller and the frame follows.
    await page.setViewportSize({ width: 420, height: 800 });
    assert.ok(await settled() > want);
    assert.equal((await page.locator("#fixed").boundingBox()).height, 300);
    // A message from anyone but the framed embed is ignored.
    const before = await sized.evaluate((f) => f.clientHeight);
    await page.evaluate(() => window.postMessage({ type: "briefing-embed-height", height: 77 }, "*"));
    await page.waitForTimeout(100);
    assert.equal(await sized.evaluate((f) => f.clientHeight), before);
    await context.close();
    assert.deepEqual(problems, []);
  });

  await check("printed, the matrix's row labels and badges share one size", async () => {
    const { page, problems, close } = await openAt(fileBase, "matrix.html", { width: 700 });
    await page.emulateMedia({ media: "print" });
    const [label, badge] = await page.evaluate(() => [
      parseFloat(getComputedStyle(document.querySelector("table.matrix tbody th a")).fontSize),
      parseFloat(getComputedStyle(document.querySelector("table.matrix tbody .badge")).fontSize),
    ]);
    assert.ok(badge <= label * 1.05 && badge >= label * 0.8, `labels ${label} px, badges ${badge} px`);
    await close();
    assert.deepEqual(problems, []);
  });

  if (wide) {
    const base = pathToFileURL(wide).href + "/";
    await check("wide matrix at 1,366 px: actors as rows, full width, sticky header row and first column", async () => {
      const { page, problems, close } = await openAt(base, "matrix.html", { width: 1366, height: 700 });
      assert.equal(await page.locator("table.matrix.matrix-actors-as-rows").count(), 1);
      assert.equal(await page.locator("table.matrix tbody tr").count(), 9);
      assert.deepEqual(await page.locator("table.matrix thead th").allInnerTexts(), ["ACTOR", "ENRICHMENT LIMITS", "JOINT COMMISSION", "SANCTIONS RELIEF", "TOTALS"]);
      const main = await page.evaluate(() => document.querySelector("main").clientWidth);
      assert.ok(main >= 1366 - 60, `main only ${main} px wide`);
      assert.deepEqual(await page.evaluate(overflowing), []);
      // Scrolled inside its box, the header row and the first column stay in view.
      const wrap = page.locator(".matrix-wrap");
      await wrap.evaluate((w) => { w.style.maxHeight = "200px"; w.style.maxWidth = "500px"; w.scrollTo(400, 150); });
      const box = await wrap.boundingBox();
      const head = await page.locator("table.matrix thead th").first().boundingBox();
      assert.ok(Math.abs(head.y - box.y) <= 2, `header row at ${head.y}, box at ${box.y}`);
      const rowHeads = await page.locator("table.matrix tbody th").evaluateAll((ths) => ths.map((t) => Math.round(t.getBoundingClientRect().left)));
      assert.ok(rowHeads.every((x) => Math.abs(x - box.x) <= 2), `first column at ${rowHeads}, box at ${box.x}`);
      await close();
      assert.deepEqual(problems, []);
    });
    for (const width of [390, 2560]) {
      await check(`wide matrix at ${width} px: nothing wider than the screen outside a scroll container`, async () => {
        const { page, problems, close } = await openAt(base, "matrix.html", { width });
        assert.deepEqual(await page.evaluate(overflowing), []);
        await page.screenshot({ path: path.join(shots, `wide-matrix-${width}.png`), fullPage: width === 390 });
        await close();
        assert.deepEqual(problems, []);
      });
    }
  }
}

await readingAtAnyWidth();

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
        const rows = await figure.locator(".visually-hidden table tbody tr").count();
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
