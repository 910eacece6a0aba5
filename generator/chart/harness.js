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
