// The overview's trend chart (views/reports/overview.html): the four quarters of
// GET /api/v1/reports/indicators/trend, embedded as JSON, drawn with ECharts with the targets.
(function () {
  'use strict';
  var el = document.getElementById('overview-trend-chart');
  var data = document.getElementById('overview-trend');
  if (!el || !data || typeof echarts === 'undefined') {
    return;
  }
  var trend = JSON.parse(data.textContent);
  var quarters = trend.quarters.map(function (q) { return q.quarter; });
  function rates(disease, figure) {
    return trend.quarters.map(function (q) {
      var v = q[disease][figure];
      return v === null || v === undefined ? null : Number(v);
    });
  }
  function flat(value) {
    return quarters.map(function () { return value; });
  }
  var label = function (name) { return el.getAttribute('data-label-' + name); };
  var series = [
    { name: label('standard-htn'), type: 'line', data: rates('hypertension', 'standardRate') },
    { name: label('standard-dm'), type: 'line', data: rates('diabetes', 'standardRate') },
    { name: label('bp-control'), type: 'line', data: rates('hypertension', 'controlRate') },
    { name: label('glucose-control'), type: 'line', data: rates('diabetes', 'controlRate') },
    { name: label('target-htn'), type: 'line', symbol: 'none',
      lineStyle: { type: 'dashed' }, data: flat(trend.hypertensionTarget) },
    { name: label('target-dm'), type: 'line', symbol: 'none',
      lineStyle: { type: 'dotted' }, data: flat(trend.diabetesTarget) }
  ];
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
    legend: { top: 0 },
    grid: { top: 60, left: 40, right: 20, bottom: 30 },
    xAxis: { type: 'category', data: quarters },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
  el.setAttribute('data-rendered', 'true');
})();
