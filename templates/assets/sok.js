// Søket på sok/: kjører Pagefind (pagefind/pagefind.js, laget av bygget)
// i nettleseren. Uten JavaScript, eller uten søkeindeks, viser siden
// arkivet i stedet. Alt hentes fra nettstedet selv.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form[data-search]");
  if (!script || !form) return;
  var field = form.querySelector("input[name=q]");
  var status = document.getElementById("sok-status");
  var list = document.getElementById("sok-treff");
  var fallback = document.getElementById("sok-uten-js");
  var filterBox = form.querySelector(".search-filters");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var moreButton = document.getElementById("sok-flere");
  var pageSize = 20;
  var pagefind = null;
  var latest = 0;

  fallback.hidden = true;
  var params = new URLSearchParams(location.search);
  field.value = params.get("q") || "";

  function say(text, state) {
    status.textContent = text;
    status.setAttribute("data-state", state);
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("../pagefind/pagefind.js", script.src).href).then(function (pf) {
        return pf.options({ baseUrl: new URL("../", script.src).pathname, excerptLength: 24 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function chosenFilters() {
    var out = {};
    selects.forEach(function (s) {
      if (s.value) out[s.getAttribute("data-filter")] = s.value;
    });
    return out;
  }

  function fillFilters(pf) {
    return pf.filters().then(function (all) {
      var any = false;
      selects.forEach(function (s) {
        var values = Object.keys(all[s.getAttribute("data-filter")] || {}).sort(function (a, b) {
          return a.localeCompare(b, "nb", { numeric: true });
        });
        if (s.getAttribute("data-filter") === "år") values.reverse();
        values.forEach(function (v) {
          var o = document.createElement("option");
          o.value = v;
          o.textContent = v;
          o.selected = params.get(s.name) === v;
          s.appendChild(o);
        });
        any = any || values.length > 0;
      });
      filterBox.hidden = !any;
    });
  }

  // excerpt keeps Pagefind's <mark> around the words found and drops
  // any other markup from an excerpt.
  function excerpt(html) {
    var p = document.createElement("p");
    html.split(/(<\/?mark>)/).reduce(function (parent, part) {
      if (part === "<mark>") {
        var m = document.createElement("mark");
        parent.appendChild(m);
        return m;
      }
      if (part === "</mark>") return parent.parentNode || p;
      var t = document.createElement("textarea");
      t.innerHTML = part.replace(/<[^>]*>/g, "");
      parent.appendChild(document.createTextNode(t.value));
      return parent;
    }, p);
    return p;
  }

  function item(r) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = r.url;
    a.textContent = (r.meta && r.meta.title) || r.url;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(excerpt(r.excerpt || ""));
    return li;
  }

  // more shows the next page of results of search (for query), and says
  // how many there are.
  function more(query, search, id) {
    var from = list.children.length;
    var next = search.results.slice(from, from + pageSize);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (id !== latest) return;
      data.forEach(function (r) { list.appendChild(item(r)); });
      var total = search.results.length, shown = list.children.length;
      moreButton.hidden = shown >= total;
      moreButton.onclick = function () { more(query, search, id); };
      if (total === 0) say("Ingen treff for «" + query + "».", "done");
      else if (shown < total) say(total + " treff for «" + query + "». Viser de " + shown + " beste.", "done");
      else say(total + " treff for «" + query + "».", "done");
    });
  }

  function run() {
    var query = field.value.trim();
    var filters = chosenFilters();
    var id = ++latest;
    if (!query && Object.keys(filters).length === 0) {
      list.textContent = "";
      moreButton.hidden = true;
      say("", "idle");
      return;
    }
    say("Søker …", "busy");
    load().then(function (pf) {
      return pf.search(query || null, { filters: filters });
    }).then(function (search) {
      list.textContent = "";
      return more(query, search, id);
    }).catch(function () {
      if (id !== latest) return;
      say("Søket virker ikke akkurat nå. Bruk arkivet under.", "failed");
      fallback.hidden = false;
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var url = new URL(location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    history.replaceState(null, "", url);
    run();
  });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  // The first search waits for the filters, so that an address with a
  // filter (sok/?q=…&omrade=…) searches with it.
  load().then(fillFilters).catch(function () {}).then(run);
})();
