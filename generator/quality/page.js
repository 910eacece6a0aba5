// The checks that run inside each page. Go evaluates this file once per
// page, then calls the functions of window.__quality one by one. Each
// returns plain JSON: problems as {check, message}, and what Go needs.
window.__quality = (() => {
  const label = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (typeof el.className === "string" && el.className.trim()) s += "." + el.className.trim().split(/\s+/).join(".");
    const t = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return t ? `${s} "${t}"` : s;
  };
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const focusable = () =>
    [...document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]')]
      .filter((el) => el.tabIndex >= 0 && !el.disabled && rendered(el));

  // structure: one h1, headings without skipped levels, landmarks, a skip
  // link first, and no content outside the landmarks.
  function structure(out) {
    const add = (message) => out.push({ check: "structure", message });
    const h1 = document.querySelectorAll("h1");
    if (h1.length !== 1) add(`${h1.length} <h1> elements; want exactly one`);
    let prev = 0;
    for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      const level = Number(h.tagName[1]);
      if (prev === 0 && level !== 1) add(`the first heading is ${label(h)}; want <h1>`);
      if (prev > 0 && level > prev + 1) add(`heading level skips from h${prev} to ${label(h)}`);
      prev = level;
    }
    const count = (sel) => document.querySelectorAll(sel).length;
    if (count('main, [role="main"]') !== 1) add(`${count('main, [role="main"]')} main landmarks; want one`);
    if (count('body > header, [role="banner"]') !== 1) add("no single banner landmark (<header> in <body>)");
    if (count('body > footer, [role="contentinfo"]') !== 1) add("no single contentinfo landmark (<footer> in <body>)");
    if (count('nav, [role="navigation"]') < 1) add("no navigation landmark (<nav>)");
    const first = focusable()[0];
    const target = first && first.getAttribute("href") && first.getAttribute("href").startsWith("#") &&
      document.getElementById(decodeURIComponent(first.getAttribute("href").slice(1)));
    if (!first || first.tagName !== "A" || !target) {
      add(`the first focusable element is ${first ? label(first) : "none"}; want a skip link to the main content`);
    } else if (!target.closest('main, [role="main"]')) {
      add(`the skip link points to ${label(target)}, which is not in <main>`);
    }
    const landmark = 'header, nav, main, footer, aside, [role="banner"], [role="navigation"], [role="main"], [role="contentinfo"], [role="complementary"], [role="region"][aria-label], [role="region"][aria-labelledby]';
    for (const el of document.body.children) {
      if (el === first || el.matches(landmark) || el.matches("script, style, template") || !rendered(el)) continue;
      if ((el.textContent || "").trim() !== "") add(`${label(el)} is outside every landmark`);
    }
    return first;
  }

  // images: every <img> has an alt attribute (empty for decoration) and
  // width and height, so the page does not shift when the file arrives.
  function images(out) {
    for (const img of document.querySelectorAll("img")) {
      const name = `img ${img.getAttribute("src")}`;
      if (!img.hasAttribute("alt")) out.push({ check: "images", message: `${name} has no alt attribute` });
      if (!img.hasAttribute("width") || !img.hasAttribute("height")) {
        out.push({ check: "images", message: `${name} has no width and height: the page shifts when it loads` });
      }
    }
  }

  // charts: every chart is a visible SVG of sensible size with marks.
  function charts(out) {
    const add = (message) => out.push({ check: "charts", message });
    const svgs = new Set(document.querySelectorAll('figure.chart svg, svg[role="img"]'));
    // A chart comes drawn twice (.chart-wide, .chart-narrow) and CSS shows
    // the one that fits the screen: each figure needs one shown drawing;
    // a drawing hidden by its variant box is not a hidden chart.
    const variantHidden = (svg) => {
      const box = svg.closest(".chart-wide, .chart-narrow");
      return box !== null && getComputedStyle(box).display === "none";
    };
    for (const fig of document.querySelectorAll("figure.chart")) {
      const drawn = [...fig.querySelectorAll("svg")].filter((svg) => !svg.parentElement.closest("svg"));
      if (drawn.length === 0) add(`${label(fig)} has no <svg>`);
      else if (drawn.every(variantHidden)) add(`${label(fig)} shows none of its drawings`);
    }
    let n = 0;
    for (const svg of svgs) {
      if (svg.parentElement && svg.parentElement.closest("svg")) continue;
      if (variantHidden(svg)) continue;
      // A slide deck shows one slide at a time; the deck test shows each.
      const slide = svg.closest(".slide");
      if (slide && getComputedStyle(slide).display === "none") continue;
      n++;
      const r = svg.getBoundingClientRect();
      const cs = getComputedStyle(svg);
      const name = svg.getAttribute("aria-label") || label(svg);
      if (cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) add(`chart "${name}" is hidden`);
      if (r.width < 200 || r.height < 100) add(`chart "${name}" is ${Math.round(r.width)}×${Math.round(r.height)} px; want at least 200×100`);
      let marks = 0;
      for (const m of svg.querySelectorAll("path, rect, circle, ellipse, line, polyline, polygon, text")) {
        if (m.closest("defs, clipPath, pattern, mask")) continue;
        const b = m.getBBox();
        if (b.width > 0 && b.height > 0 || (m.tagName !== "text" && (b.width > 0 || b.height > 0))) marks++;
      }
      if (marks < 3) add(`chart "${name}" draws ${marks} marks; it looks empty`);
    }
    return n;
  }

  // links: every URL the page links to or loads, resolved, for Go to fetch.
  function links() {
    const urls = new Set();
    for (const el of document.querySelectorAll("a[href], area[href], link[href]")) urls.add(el.href);
    for (const el of document.querySelectorAll("[src]")) urls.add(el.src);
    for (const el of document.querySelectorAll("[srcset]")) {
      for (const c of el.srcset.split(",")) {
        const u = c.trim().split(/\s+/)[0];
        if (u) urls.add(new URL(u, document.baseURI).href);
      }
    }
    return [...urls].sort();
  }

  // focus: the focused element (after Tab) is the skip link, shown on screen;
  // every focusable element shows a visible focus indicator.
  function focus(skip) {
    const out = [];
    const add = (message) => out.push({ check: "focus", message });
    const a = document.activeElement;
    const first = skip();
    if (first && a !== first) add(`Tab from the top focuses ${a ? label(a) : "nothing"}, not the skip link`);
    const shows = (el) => {
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1 && !/rgba\(.*,\s*0\)|transparent/.test(cs.outlineColor);
      return outline || (cs.boxShadow && cs.boxShadow !== "none");
    };
    if (first && a === first) {
      const r = a.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) {
        add(`the focused skip link is not on screen (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)})`);
      }
    }
    let bad = 0;
    for (const el of focusable()) {
      el.focus();
      if (document.activeElement !== el) continue;
      if (!shows(el) && ++bad <= 5) add(`no visible focus indicator on ${label(el)}`);
    }
    if (bad > 5) add(`… and ${bad - 5} more elements without a visible focus indicator`);
    if (document.activeElement) document.activeElement.blur();
    return out;
  }

  // overflow: content wider than the viewport forces scrolling sideways;
  // scroll containers (tables) are allowed to scroll inside themselves.
  function overflow(what) {
    const out = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= vw + 1) return out;
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || !rendered(el)) continue;
      let p = el.parentElement, inScroller = false;
      for (; p && p !== document.body; p = p.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) { inScroller = true; break; }
      }
      if (!inScroller && !(el.parentElement && wide.includes(el.parentElement))) wide.push(el);
    }
    const names = wide.slice(0, 3).map((el) => `${label(el)} (${Math.round(el.getBoundingClientRect().right)} px)`).join(", ");
    out.push({ check: "zoom", message: `${what}: the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport${names ? ": " + names : ""}` });
    return out;
  }

  // clipped: text cut off by a box that hides its overflow.
  function clipped(what) {
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
      const cs = getComputedStyle(el);
      if (!/(hidden|clip)/.test(cs.overflowX + cs.overflowY) || !rendered(el)) continue;
      if (el.clientWidth <= 2 || el.clientHeight <= 2) continue; // visually hidden text for screen readers
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && !el.querySelector("p, span, a, li, td, th, h1, h2, h3, h4")) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        out.push({ check: "zoom", message: `${what}: ${label(el)} cuts off its text (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})` });
      }
    }
    return out.slice(0, 5);
  }

  // textZoom: text at 200 % (the reader's font size doubled) must grow and
  // must fit without sideways scrolling or clipping.
  function textZoom() {
    const probe = document.querySelector("main p") || document.querySelector("main li") || document.querySelector("main") || document.body;
    const before = parseFloat(getComputedStyle(probe).fontSize);
    document.documentElement.style.fontSize = "200%";
    const after = parseFloat(getComputedStyle(probe).fontSize);
    const out = [];
    if (after < before * 1.9) {
      out.push({ check: "zoom", message: `text at 200 %: ${label(probe)} stays at ${after} px (was ${before} px); font sizes must follow the reader's setting` });
    }
    out.push(...overflow("text at 200 %"), ...clipped("text at 200 %"));
    document.documentElement.style.fontSize = "";
    return out;
  }

  // scrollers: a box that scrolls sideways must take keyboard focus (or
  // hold something that does), or a keyboard user cannot scroll it. The
  // tables behind the charts are opened first, as a reader would.
  function scrollers(what) {
    const out = [];
    for (const d of document.querySelectorAll("details")) d.open = true;
    for (const el of document.body.querySelectorAll("*")) {
      if (!/(auto|scroll)/.test(getComputedStyle(el).overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (el.tabIndex >= 0 || [...el.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].some((f) => f.tabIndex >= 0)) continue;
      out.push({ check: "zoom", message: `${what}: ${label(el)} scrolls sideways but cannot take keyboard focus (add tabindex="0")` });
    }
    for (const d of document.querySelectorAll("details")) d.open = false;
    return out.slice(0, 5);
  }

  // tables: at a phone's width no data table may be wider than the box it
  // scrolls in, which would put a column out of sight. The tables behind
  // the charts are opened first.
  function tables(what) {
    const out = [];
    for (const d of document.querySelectorAll("details")) d.open = true;
    for (const table of document.querySelectorAll("main table")) {
      if (!rendered(table)) continue;
      const box = table.closest(".table-scroll") || table.parentElement;
      const w = table.getBoundingClientRect().width;
      if (w > box.clientWidth + 1) {
        out.push({ check: "tables", message: `${what}: ${label(table)} is ${Math.round(w)} px wide in a ${box.clientWidth} px box; a column is out of sight` });
      }
    }
    for (const d of document.querySelectorAll("details")) d.open = false;
    return out;
  }

  // words: at a phone's width no heading, caption, table header, term or
  // menu link breaks a word over two lines. A slash, a hyphen or a soft
  // hyphen is a wrap point: the pieces between them must each stay on one
  // line.
  function words(what) {
    const out = [];
    for (const d of document.querySelectorAll("details")) d.open = true;
    const seen = new Set();
    for (const el of document.querySelectorAll("main h1, main h2, main h3, main h4, main caption, main th, main dt, nav a")) {
      if (!rendered(el)) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const piece = /[^\s\/\-\u2010-\u2014\u00ad]+/g;
        for (let m = piece.exec(n.textContent); m; m = piece.exec(n.textContent)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1 && !seen.has(m[0])) {
            seen.add(m[0]);
            out.push({ check: "words", message: `${what}: «${m[0]}» in ${label(el)} breaks over ${tops.size} lines` });
          }
        }
      }
    }
    for (const d of document.querySelectorAll("details")) d.open = false;
    return out;
  }

  // chartText: the text of every shown chart, as drawn (font size times the
  // scale of its SVG), is at least min CSS px.
  function chartText(what, min) {
    const out = [];
    for (const svg of document.querySelectorAll('figure.chart svg[role="img"]')) {
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox && svg.viewBox.baseVal;
      if (r.width === 0 || !vb || vb.width === 0 || !rendered(svg)) continue;
      let smallest = Infinity;
      for (const t of svg.querySelectorAll("text")) {
        if ((t.textContent || "").trim() === "") continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * r.width / vb.width);
      }
      if (smallest < min - 0.05) {
        out.push({ check: "chart-text", message: `${what}: chart "${svg.getAttribute("aria-label")}" shows text of ${smallest.toFixed(1)} px; want at least ${min} px` });
      }
    }
    return out;
  }

  return {
    reader: (what, phone, min) => [...(phone ? [...tables(what), ...words(what)] : []), ...chartText(what, min)],
    inspect: () => {
      const out = [];
      structure(out);
      images(out);
      const n = charts(out);
      return { problems: out, charts: n, links: links(), title: document.title };
    },
    focus: () => focus(() => focusable()[0]),
    textZoom,
    layout: (what) => [...overflow(what), ...clipped(what), ...scrollers(what)],
  };
})();
