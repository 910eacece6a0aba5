// Runs once per goja runtime, after the ECharts bundle. Trusted code only:
// option data arrives as a JSON string and is only ever JSON.parse'd.
// __measureText and __formatNumber are Go functions set by the renderer.
(function (global) {
  'use strict';
  var echarts = global.echarts;
  if (!echarts || typeof echarts.init !== 'function') {
    throw new Error('the bundle did not define echarts');
  }

  // Without a canvas ECharts guesses text widths; measure with the Go
  // glyph-width table instead.
  echarts.setPlatformAPI({
    measureText: function (text, font) {
      return { width: __measureText(String(text), String(font || '')) };
    }
  });

  // Two pure computations ECharts repeats in every drawing, memoised for
  // the runtime's life (both depend only on their arguments and on the
  // component classes, which the bundle registers once):
  // - Model#parsePath splits a path such as 'label.show' at each lookup;
  //   its callers only read the array;
  // - ComponentModel.topologicalTravel builds the dependency graph of all
  //   registered component types at each setOption; the order it visits
  //   them in (and each type's dependencies) is kept per list of types.
  function memoise() {
    var proto = echarts.Model && echarts.Model.prototype;
    if (proto && typeof proto.parsePath === 'function') {
      var paths = Object.create(null);
      proto.parsePath = function (path) {
        if (typeof path !== 'string') {
          return path;
        }
        return paths[path] || (paths[path] = path.split('.'));
      };
    }
    var Component = echarts.ComponentModel;
    if (Component && typeof Component.topologicalTravel === 'function') {
      var travel = Component.topologicalTravel;
      var orders = Object.create(null);
      Component.topologicalTravel = function (targets, all, callback, context) {
        var key = targets.join(',') + '|' + all.join(',');
        var order = orders[key];
        if (!order) {
          var seen = [];
          travel.call(this, targets, all, function (type, deps) {
            seen.push([type, deps.slice()]);
          });
          order = orders[key] = seen;
        }
        for (var i = 0; i < order.length; i++) {
          callback.call(context, order[i][0], order[i][1].slice());
        }
      };
    }
  }
  memoise();

  // Value-axis numbers in Norwegian format. The option holds a template
  // such as "{value} %"; replace it by a function that fills in the
  // localised number (split/join: the template is never evaluated).
  function localiseAxes(option) {
    ['xAxis', 'yAxis'].forEach(function (key) {
      var axes = option[key];
      if (!axes) {
        return;
      }
      if (!Array.isArray(axes)) {
        axes = [axes];
      }
      axes.forEach(function (axis) {
        if (!axis || axis.type !== 'value') {
          return;
        }
        var label = axis.axisLabel || (axis.axisLabel = {});
        var tpl = typeof label.formatter === 'string' ? label.formatter : '{value}';
        label.formatter = function (value) {
          return tpl.split('{value}').join(__formatNumber(Number(value)));
        };
      });
    });
  }

  // A map option carries its geometry under __map (GeoJSON, prepared in
  // Go); it is registered under its name before the option is set, so the
  // render depends on nothing but the option.
  function registerMap(option) {
    var m = option.__map;
    if (!m) {
      return;
    }
    delete option.__map;
    echarts.registerMap(m.name, m.geoJSON);
  }

  global.__renderChart = function (optionJSON, width, height) {
    var option = JSON.parse(optionJSON);
    registerMap(option);
    localiseAxes(option);
    var chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: width,
      height: height
    });
    try {
      chart.setOption(option);
      // renderToSVGString leaves the SVG painter's defaults on: it writes
      // CSS keyframes for running animations and CSS for hover states,
      // walking every element's animators and emphasis states to find
      // there are none (animation and emphasis are off). Ask the painter
      // itself, without either: the same SVG, less work.
      return chart.getZr().painter.renderToString({ cssAnimation: false, cssEmphasis: false });
    } finally {
      chart.dispose();
    }
  };
})(globalThis);
