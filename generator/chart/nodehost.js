// The chart engine's host in Node.js (see node.go): it runs the ECharts
// bundle and harness.js exactly as the goja worker does, with the same host
// functions, and answers render requests from the Go renderer on stdin and
// stdout. Trusted code only: option data arrives as a JSON string and is
// only ever JSON.parse'd by the harness.
//
// Every message either way is a tag byte, a little-endian uint32 length and
// that many bytes. From Go: 'B' the bundle, 'H' the harness (once, first),
// 'T' the text measure (textwidth.js) and 'W' its glyph widths as JSON (once,
// next), 'R' a render (uint32 width, uint32 height, the option JSON), and the
// answer 'n' (the number's text) to our question. To Go: 'O' ready, 'n'
// (float64) asking for the Go number format, 'S' the SVG, 'E' an error as
// JSON.
'use strict';
(function () {
  const fs = require('fs');
  const vm = require('vm');
  const v8 = require('v8');
  const Buffer = globalThis.Buffer;
  const exit = process.exit.bind(process);
  // A build draws some dozens to hundreds of charts: V8's optimising
  // compiler costs more CPU time than it saves in so short a run, its
  // baseline compiler less (BenchmarkColdSite: about a quarter less CPU).
  // A flag this V8 does not know is ignored.
  v8.setFlagsFromString('--no-opt');
  v8.setFlagsFromString('--always-sparkplug');
  // Most of what a drawing allocates is garbage once it is drawn (12 MB
  // live after 136 drawings of the 10k corpus), yet V8 lets the old
  // generation grow to twice and more before it collects: the process
  // peaked at 110 MB. Growing by a fifth: 77 MB, for 1-2 % more CPU time.
  // A factor, not a limit: a larger workload still gets the heap it needs.
  v8.setFlagsFromString('--heap-growing-percent=20');
  const IN = 0;
  const OUT = 1;

  function readFull(n) {
    const buf = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      let got;
      try {
        got = fs.readSync(IN, buf, off, n - off, null);
      } catch (e) {
        if (e.code === 'EAGAIN' || e.code === 'EINTR') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          continue;
        }
        throw e;
      }
      if (got === 0) {
        exit(0); // the renderer closed its end: nothing more to do
      }
      off += got;
    }
    return buf;
  }

  function receive(want) {
    const head = readFull(5);
    const tag = String.fromCharCode(head[0]);
    const body = head.readUInt32LE(1) > 0 ? readFull(head.readUInt32LE(1)) : Buffer.alloc(0);
    if (want && tag !== want) {
      throw new Error('chart host: expected message ' + want + ', got ' + tag);
    }
    return { tag: tag, body: body };
  }

  function send(tag, body) {
    const head = Buffer.allocUnsafe(5);
    head[0] = tag.charCodeAt(0);
    head.writeUInt32LE(body.length, 1);
    const msg = Buffer.concat([head, body]);
    let off = 0;
    while (off < msg.length) {
      try {
        off += fs.writeSync(OUT, msg, off, msg.length - off);
      } catch (e) {
        if (e.code !== 'EAGAIN' && e.code !== 'EINTR') {
          throw e;
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      }
    }
  }

  // The Go number format, asked for over the pipe; it is pure, so answers
  // are kept, up to a bound (the dev server's process lives long). The text
  // measure, asked for far more often, is done here (textwidth.js).
  const keep = 100000;
  let measureText;
  const numbers = new Map();
  function formatNumber(v) {
    let s = numbers.get(v);
    if (s === undefined) {
      if (numbers.size >= keep) {
        numbers.clear();
      }
      const body = Buffer.allocUnsafe(8);
      body.writeDoubleLE(v, 0);
      send('n', body);
      s = receive('n').body.toString('utf8');
      numbers.set(v, s);
    }
    return s;
  }

  // What the goja worker's runtime provides: timers that do nothing, a
  // console that keeps the last lines for error messages, a stopped clock.
  const consoleLines = [];
  function log(level) {
    return function () {
      const parts = [];
      for (let i = 0; i < arguments.length; i++) {
        parts.push(String(arguments[i]));
      }
      if (consoleLines.length === 8) {
        consoleLines.shift();
      }
      consoleLines.push(level + ': ' + parts.join(' '));
    };
  }
  const quiet = {};
  ['log', 'info', 'debug', 'warn', 'error', 'trace'].forEach(function (l) {
    quiet[l] = log(l);
  });
  const RealDate = Date;
  const stopped = RealDate.UTC(2019, 0, 1);
  function StoppedDate() {
    if (!new.target) {
      return new RealDate(stopped).toString();
    }
    return arguments.length ? new RealDate(...arguments) : new RealDate(stopped);
  }
  StoppedDate.prototype = RealDate.prototype;
  StoppedDate.now = function () {
    return stopped;
  };
  StoppedDate.UTC = RealDate.UTC;
  StoppedDate.parse = RealDate.parse;
  const noop = function () {};
  const globals = {
    setTimeout: noop,
    clearTimeout: noop,
    setInterval: noop,
    clearInterval: noop,
    setImmediate: noop,
    console: quiet,
    Date: StoppedDate,
    __measureText: function (text, font) {
      return measureText(text, font);
    },
    __formatNumber: formatNumber
  };
  Object.keys(globals).forEach(function (k) {
    Object.defineProperty(globalThis, k, { value: globals[k], writable: true, configurable: true });
  });
  // What Node.js has and goja has not goes, so that ECharts, which probes
  // for some of it (Buffer, btoa, navigator), takes the paths it takes in
  // goja, and so that the bundle and harness cannot reach the file system
  // or the process.
  ['process', 'Buffer', 'global', 'require', 'module', 'exports', '__filename', '__dirname',
    'navigator', 'performance', 'btoa', 'atob', 'fetch', 'queueMicrotask', 'structuredClone',
    'crypto', 'WebAssembly'].forEach(function (k) {
    try {
      delete globalThis[k];
    } catch (e) {}
    if (k in globalThis) {
      try {
        Object.defineProperty(globalThis, k, { value: undefined, writable: true, configurable: true });
      } catch (e) {}
    }
  });

  function errorJSON(e) {
    return Buffer.from(JSON.stringify({ error: String(e && e.stack ? e.stack.split('\n')[0] : e), console: consoleLines }), 'utf8');
  }

  // The bundle and the harness run as functions whose exports, module and
  // define are undefined, so that the bundle's UMD wrapper sets the global
  // echarts, as it does in goja.
  try {
    const bundle = receive('B').body.toString('utf8');
    const harness = receive('H').body.toString('utf8');
    const textWidth = receive('T').body.toString('utf8');
    const glyphs = JSON.parse(receive('W').body.toString('utf8'));
    measureText = vm.compileFunction(textWidth, ['glyphs'], { filename: 'textwidth.js' })(glyphs);
    vm.compileFunction(bundle, ['exports', 'module', 'define', 'require'], { filename: 'echarts.min.js' }).call(globalThis);
    vm.compileFunction(harness, ['exports', 'module', 'define', 'require'], { filename: 'harness.js' }).call(globalThis);
    if (typeof globalThis.__renderChart !== 'function') {
      throw new Error('chart harness did not define __renderChart');
    }
  } catch (e) {
    send('E', errorJSON(e));
    exit(0);
  }
  send('O', Buffer.alloc(0));

  for (;;) {
    const req = receive('R').body;
    const width = req.readUInt32LE(0);
    const height = req.readUInt32LE(4);
    consoleLines.length = 0;
    let svg;
    try {
      svg = String(globalThis.__renderChart(req.toString('utf8', 8), width, height));
    } catch (e) {
      send('E', errorJSON(e));
      continue;
    }
    send('S', Buffer.from(svg, 'utf8'));
  }
})();
