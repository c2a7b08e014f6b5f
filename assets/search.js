// Offline search for a briefing site, loaded by search.html. It loads the index's
// manifest (search/manifest.js), then for each query only the shards of terms its words
// need and the blocks of items the results shown need, by adding <script> elements:
// that works from file:// and under a strict CSP (script-src 'self'). No network
// requests beyond the site's own files, no inline code.
//
// Words are folded as briefing folds them (lower case, accents removed after canonical
// decomposition) and matched as prefixes of the index's terms; every word must match.
// Items with more query words in their title come first, then in the index's order.
// A query of one letter shows the first page the manifest lists for that letter; the
// shards of every term starting with it are loaded only for "show more".
(function () {
  "use strict";

  var PAGE = 50;
  var script = document.currentScript;
  var base = script ? script.src.replace(/search\.js(?:[?#].*)?$/, "") : "";

  var manifest = null;
  var terms = {};
  var docs = {};
  var waiting = {};

  // The data files call these as they load.
  window.BriefingSearch = {
    manifest: function (m) { manifest = m; },
    terms: function (n, t) { terms[n] = t; },
    docs: function (n, d) { docs[n] = d; }
  };

  // Loads a data file once; resolves when it has run.
  function load(path) {
    if (!waiting[path]) {
      waiting[path] = new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = base + path;
        s.onload = function () { ok(); };
        s.onerror = function () { fail(new Error("cannot load " + path)); };
        document.head.appendChild(s);
      });
    }
    return waiting[path];
  }

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  function words(q) {
    return fold(q).split(/[^\p{L}\p{N}%]+/u).filter(function (w) { return w.length > 0; });
  }

  // The shards that may hold terms starting with w.
  function shardsFor(w) {
    return Object.keys(manifest.shards).filter(function (k) {
      return w.indexOf(k) === 0 || k.indexOf(w) === 0;
    }).map(function (k) { return manifest.shards[k]; });
  }

  // For every item, whether it has a term starting with w: 0 none, 1 in its text,
  // 2 in its title. A typed array the size of the index, filled from the postings.
  function matches(w) {
    var found = new Uint8Array(manifest.items);
    shardsFor(w).forEach(function (n) {
      var shard = terms[n];
      Object.keys(shard).forEach(function (t) {
        if (t.indexOf(w) !== 0) { return; }
        var postings = shard[t];
        for (var i = 0; i < postings.length; i++) {
          var p = postings[i];
          var m = (p & 1) + 1;
          if (found[p >> 1] < m) { found[p >> 1] = m; }
        }
      });
    });
    return found;
  }

  // The items matching every word, best first: more words in the title first, then in
  // the index's order. One pass over the items, each put in the bucket of its score:
  // no sort, whatever the number of hits.
  function search(ws) {
    var sets = ws.map(matches);
    var buckets = [];
    for (var s = 0; s <= sets.length; s++) { buckets.push([]); }
    for (var item = 0; item < manifest.items; item++) {
      var score = 0;
      for (var i = 0; i < sets.length; i++) {
        var m = sets[i][item];
        if (m === 0) { score = -1; break; }
        if (m === 2) { score++; }
      }
      if (score >= 0) { buckets[score].push(item); }
    }
    var hits = [];
    for (var b = buckets.length - 1; b >= 0; b--) { hits = hits.concat(buckets[b]); }
    return hits;
  }

  function start() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var more = document.getElementById("search-more");
    if (!input || !list || !status || !more) {
      return;
    }
    // The messages, in the page's language, are the status line's data attributes
    // (search.html writes them from the catalog): `data-<name>`, or for a message that
    // depends on a number `data-<name>-<plural category>`; `{name}` placeholders.
    var plurals = new Intl.PluralRules(document.documentElement.lang || "en");
    var group = status.getAttribute("data-group") || "";
    function number(n) {
      var s = String(n);
      return group && s.length >= 4 ? s.replace(/\B(?=(\d{3})+$)/g, group) : s;
    }
    function say(name, count, args) {
      var text = null;
      if (count === undefined) {
        text = status.getAttribute("data-" + name);
      } else {
        text = status.getAttribute("data-" + name + "-" + plurals.select(count)) ||
          status.getAttribute("data-" + name + "-other");
        args = Object.assign({ count: number(count) }, args);
      }
      return (text || "").replace(/\{(\w+)\}/g, function (all, key) {
        return args && key in args ? args[key] : all;
      });
    }
    var run = 0;
    var hits = [];
    var total = 0;
    var shown = 0;
    var query = "";
    // For a one-letter query, what finds every hit (hits holds the first page).
    var rest = null;

    // Loads the term shards the words need, then finds their hits.
    function find(ws) {
      var needed = [];
      ws.forEach(function (w) { needed = needed.concat(shardsFor(w)); });
      return Promise.all(needed.map(function (n) { return load("search/t" + n + ".js"); })).then(function () {
        return search(ws);
      });
    }

    // Shows the next page of results, loading the blocks of items it needs (and, for a
    // one-letter query past its first page, every hit).
    function showMore(current) {
      if (rest && hits.length < total && shown + PAGE > hits.length) {
        var all = rest;
        rest = null;
        return all().then(function (found) {
          if (current !== run) { return; }
          hits = found;
          return showMore(current);
        });
      }
      var page = hits.slice(shown, shown + PAGE);
      var blocks = {};
      page.forEach(function (h) { blocks[Math.floor(h / manifest.block)] = true; });
      return Promise.all(Object.keys(blocks).map(function (b) {
        return load("search/d" + b + ".js");
      })).then(function () {
        if (current !== run) { return; }
        page.forEach(function (h) {
          var d = docs[Math.floor(h / manifest.block)][h % manifest.block];
          var li = document.createElement("li");
          li.className = "search-result result-" + d[0];
          var kind = document.createElement("span");
          kind.className = "badge entry-kind";
          kind.textContent = list.getAttribute("data-kind-" + d[0]) || d[0];
          var a = document.createElement("a");
          a.href = d[2];
          a.textContent = d[1];
          li.appendChild(kind);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(a);
          if (d[3]) {
            var note = document.createElement("span");
            note.className = "note";
            note.textContent = " \u2014 " + d[3];
            li.appendChild(note);
          }
          list.appendChild(li);
        });
        shown += page.length;
        more.hidden = shown >= total;
        status.textContent = say(total > shown ? "results-first" : "results", total,
          { query: query, shown: number(shown) });
      });
    }

    function update() {
      var current = ++run;
      query = input.value.trim();
      var typed = words(input.value);
      var ws = typed.filter(function (w) { return Array.from(w).length >= 2; });
      list.textContent = "";
      more.hidden = true;
      hits = [];
      total = 0;
      shown = 0;
      rest = null;
      if (ws.length === 0 && typed.length === 1) {
        // One letter: the manifest lists the first page of its hits.
        var letter = (manifest.letters || {})[typed[0]];
        if (!letter) {
          status.textContent = say("none", undefined, { query: query });
          return;
        }
        total = letter[0];
        hits = letter[1];
        rest = function () { return find(typed); };
        return showMore(current).catch(failed);
      }
      if (ws.length === 0) {
        status.textContent = query ? say("short") : say("prompt", manifest.items);
        return;
      }
      status.textContent = say("searching");
      find(ws).then(function (found) {
        if (current !== run) { return; }
        hits = found;
        total = found.length;
        if (hits.length === 0) {
          status.textContent = say("none", undefined, { query: query });
          return;
        }
        return showMore(current);
      }).catch(failed);
    }

    function failed(e) {
      status.textContent = say("failed", undefined, { error: e.message });
    }

    // Typing stays fluid: a query runs once typing pauses (60 ms: a query is a few
    // milliseconds of work, and a result list a reader is still typing over is
    // replaced by the next).
    var timer = null;
    function soon() {
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    }

    load("search/manifest.js").then(function () {
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) {
        input.value = q;
      }
      input.addEventListener("input", soon);
      input.form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        update();
      });
      more.addEventListener("click", function () { showMore(run).catch(failed); });
      update();
    }, function (e) {
      status.textContent = say("failed", undefined, { error: e.message });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
