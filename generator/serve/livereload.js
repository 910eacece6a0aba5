// Live reload for the ALIS-Nord dev server. The server adds this script to
// every HTML page it serves (never to public/). It listens to the server's
// event stream: "reload" reloads the page, "css" swaps the stylesheets,
// "error" shows the build's diagnostics over the last good page, and
// "hello", sent on every (re)connect, reloads a page built from an older
// site. Diagnostics are shown with textContent, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var pageBuild = script ? new URL(script.src).searchParams.get("b") : null;
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (css) e.style.cssText = css;
    return e;
  }

  function show(errors) {
    hide();
    overlay = el("div", "", "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
      "background:#3b0a0a;color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:1rem 1.5rem;" +
      "box-shadow:0 4px 16px rgba(0,0,0,.5)");
    overlay.id = "__utviklingsserver-feil";
    overlay.setAttribute("role", "alert");
    var n = errors.length;
    overlay.appendChild(el("p", "Byggingen feilet (" + n + " feil). Siden under er den siste som bygget uten feil; " +
      "rett feilen og lagre, så oppdateres siden av seg selv.", "margin:0 0 .75rem;font-weight:bold"));
    var list = el("ul", "", "margin:0;padding-left:1.25rem");
    errors.forEach(function (p) {
      var li = el("li", "", "margin:.25rem 0");
      li.appendChild(el("span", p.pos, "color:#ffd479"));
      li.appendChild(document.createTextNode(": " + p.msg));
      list.appendChild(li);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  function swapStylesheets(build) {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("v", build);
      link.href = url.href;
    });
  }

  var stream = new EventSource("/__livereload/events");
  function on(name, fn) {
    stream.addEventListener(name, function (e) {
      if (e.data) fn(JSON.parse(e.data)); // a lost connection is an "error" without data
    });
  }
  on("hello", function (d) {
    if (pageBuild !== null && String(d.build) !== pageBuild) location.reload();
  });
  on("reload", function () { location.reload(); });
  on("css", function (d) {
    hide();
    pageBuild = String(d.build);
    swapStylesheets(d.build);
  });
  on("error", function (d) { show(d.errors || []); });
})();
