// The patient page's charts (ECharts): blood pressure with the target of each visit (140/90, or the
// elderly limits from 65 when the rule set splits by age), and fasting glucose with its 7.0 target.
// Data come from the JSON block #patient-chart-data; labels from the charts' data-* attributes.
(function () {
  'use strict';

  function data() {
    var block = document.getElementById('patient-chart-data');
    return block ? JSON.parse(block.textContent) : { bp: [], glucose: [], glucoseTarget: 7.0 };
  }

  function empty(el) {
    var p = document.createElement('p');
    p.className = 'chart-empty';
    p.textContent = el.dataset.empty;
    el.appendChild(p);
  }

  function bpChart(el, points) {
    if (!points.length) {
      empty(el);
      return;
    }
    var dates = points.map(function (p) { return p.date; });
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: el.dataset.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: dates },
      yAxis: { type: 'value', min: 40, max: 220 },
      series: [
        { name: el.dataset.systolic, type: 'line', data: points.map(function (p) { return p.systolic; }),
          symbolSize: 8 },
        { name: el.dataset.diastolic, type: 'line', data: points.map(function (p) { return p.diastolic; }),
          symbolSize: 8 },
        { name: el.dataset.targetSystolic, type: 'line', step: 'middle', symbol: 'none',
          lineStyle: { type: 'dashed' }, data: points.map(function (p) { return p.targetSystolic; }) },
        { name: el.dataset.targetDiastolic, type: 'line', step: 'middle', symbol: 'none',
          lineStyle: { type: 'dashed' }, data: points.map(function (p) { return p.targetDiastolic; }) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function glucoseChart(el, points, target) {
    if (!points.length) {
      empty(el);
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: el.dataset.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: points.map(function (p) { return p.date; }) },
      yAxis: { type: 'value', min: 0 },
      series: [
        { name: el.dataset.value, type: 'line', symbolSize: 8,
          data: points.map(function (p) { return Number(p.value); }),
          markLine: { symbol: 'none', lineStyle: { type: 'dashed' },
            label: { formatter: el.dataset.target + ' ' + target },
            data: [{ yAxis: Number(target) }] } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    var d = data();
    var bp = document.getElementById('bp-chart');
    var glucose = document.getElementById('glucose-chart');
    if (bp) {
      bpChart(bp, d.bp);
    }
    if (glucose) {
      glucoseChart(glucose, d.glucose, d.glucoseTarget);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
