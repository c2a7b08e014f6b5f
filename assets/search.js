// Offline search for a briefing site. Loaded by search.html after search-index.js,
// which sets window.BRIEFING_SEARCH_INDEX. No network requests, no inline code.
(function () {
  "use strict";

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(q) {
    return fold(q).split(/[^\p{L}\p{N}%]+/u).filter(function (w) { return w.length > 0; });
  }

  function start() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var index = (window.BRIEFING_SEARCH_INDEX || []).map(function (d) {
      return { doc: d, text: fold(d.x) };
    });
    if (!input || !list || !status) {
      return;
    }

    function run() {
      var ws = words(input.value);
      list.textContent = "";
      if (ws.length === 0) {
        status.textContent = "Type a word to search " + index.length + " items.";
        return;
      }
      var hits = index.filter(function (e) {
        return ws.every(function (w) { return e.text.indexOf(w) !== -1; });
      });
      status.textContent = hits.length + (hits.length === 1 ? " result" : " results") +
        " for \u201c" + input.value.trim() + "\u201d.";
      hits.forEach(function (e) {
        var li = document.createElement("li");
        li.className = "search-result result-" + e.doc.k;
        var kind = document.createElement("span");
        kind.className = "badge entry-kind";
        kind.textContent = e.doc.k;
        var a = document.createElement("a");
        a.href = e.doc.u;
        a.textContent = e.doc.t;
        li.appendChild(kind);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        if (e.doc.n) {
          var note = document.createElement("span");
          note.className = "note";
          note.textContent = " \u2014 " + e.doc.n;
          li.appendChild(note);
        }
        list.appendChild(li);
      });
    }

    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
    }
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      run();
    });
    run();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
