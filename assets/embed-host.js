// For a page that frames briefing embeds: sizes each iframe marked data-briefing-embed
// to the height of its content, which the embed posts (embed/size.js). Paste, once per
// page, next to the iframes:
//   <iframe src="https://example.org/briefing/embed/matrix.html" title="Commitment matrix"
//     data-briefing-embed width="100%" height="600" style="border:0"></iframe>
//   <script src="https://example.org/briefing/embed/host.js" defer></script>
// A message is accepted only when it comes from the window of the iframe it sizes, from
// the origin of that iframe's src, and carries a plain number; anything else is ignored.
(function () {
  "use strict";
  function originOf(frame) {
    try {
      return new URL(frame.getAttribute("src"), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "briefing-embed-height") return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.querySelectorAll("iframe[data-briefing-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame) !== event.origin) return;
      var height = Math.min(Math.max(Math.round(data.height), 40), 100000);
      // The height of the frame's inside, whatever box-sizing the host page sets.
      frame.style.boxSizing = "content-box";
      frame.style.height = height + "px";
      return;
    }
  });
})();
