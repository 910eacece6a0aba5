// The charts' text measure in JavaScript, for the Node.js host: the same
// glyph widths as textwidth.go's measureText (sent by the renderer as
// glyphs: {first, regular, bold, extra}) and the same arithmetic, so that a
// drawing measures its labels without asking the Go side over the pipe and
// draws the same bytes as goja (TestMeasureAgrees, TestEnginesAgree).
// Asking cost a cold 10k build some 1,900 round trips, each waiting until
// the Go scheduler ran the goroutine that answers.
//
// This file is the body of a function of glyphs that returns
// measureText(text, font); the host compiles it with vm.compileFunction.
'use strict';
const defaultFontPx = 12;
// Go's regexp \s is [\t\n\f\r ], narrower than JavaScript's.
const sizePattern = /(\d+(?:\.\d+)?)px/;
const weightPattern = /(?:^|[\t\n\f\r ])(bold|bolder|[6-9]00)(?:[\t\n\f\r ]|$)/;
const extra = new Map();
glyphs.extra.forEach(function (e) {
  extra.set(e[0], [e[1], e[2]]);
});

function parseFont(font) {
  let px = defaultFontPx;
  const m = sizePattern.exec(font);
  if (m !== null) {
    const v = Number(m[1]);
    if (v > 0 && v !== Infinity) { // Go's ParseFloat fails past the largest float
      px = v;
    }
  }
  const cut = font.indexOf('px'); // the weight comes before the size
  return { px: px, bold: weightPattern.test(cut < 0 ? font : font.slice(0, cut)) };
}

function advance(r, bold) {
  const i = r - glyphs.first;
  if (i >= 0 && i < glyphs.regular.length) {
    const w = bold ? glyphs.bold[i] : glyphs.regular[i];
    if (w !== 0) {
      return w;
    }
  }
  const e = extra.get(r);
  if (e !== undefined) {
    return e[bold ? 1 : 0];
  }
  if (r < glyphs.first || (r >= 0x0300 && r <= 0x036f) || (r >= 0x200b && r <= 0x200f)) {
    return 0; // control characters, combining marks, zero-width characters
  }
  if (r >= 0x2e80) {
    return 1000; // CJK and other wide scripts
  }
  return 640; // a generous average for anything else
}

return function measureText(text, font) {
  const f = parseFont(font);
  let total = 0;
  for (const ch of text) {
    let r = ch.codePointAt(0);
    if (r >= 0xd800 && r <= 0xdfff) {
      r = 0xfffd; // a lone surrogate reaches Go's UTF-8 as U+FFFD
    }
    total += advance(r, f.bold);
  }
  return total * f.px / 1000;
};
