// Auto-height for a briefing embed (embed/*.html): tells the page that frames it how
// tall the embed's content is, now and whenever it changes, with
// window.parent.postMessage({type: "briefing-embed-height", height}). The message carries
// the height only. The host page sizes its iframe with embed/host.js; without that
// script the iframe keeps the fixed height the host page gave it.
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "briefing-embed-height", height: height }, "*");
  }
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(post).observe(document.documentElement);
  }
  window.addEventListener("load", post);
  post();
})();
