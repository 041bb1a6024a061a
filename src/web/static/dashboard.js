// Dashboard charts, drawn by chart.js (served from node_modules) from the JSON the page embeds.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var Chart = window.Chart;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.color = '#4b5563';
  Chart.defaults.animation = false;
  var accent = '#2f5fd0';
  // Each state keeps its own colour, meaning what it means on the state badges (app.css): red only for returns that
  // ended without a refund, green only for refunds, blue for returns on their way (issue #14: colours followed the
  // order of the counts, so "rejected" came out green and "awaiting shipment" red).
  var stateColours = {
    received: '#94a3b8', parsed: '#94a3b8', needs_review: '#f08c00', awaiting_application: '#d4a017',
    approved: '#65a30d', awaiting_shipment: '#2f5fd0', shipped: '#0891b2', received_at_warehouse: '#7c3aed',
    refunded: '#127a46', rejected: '#b42318', returned_to_customer: '#db2777', expired: '#64748b', cancelled: '#9ca3af',
  };
  var common = { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } };

  new Chart(document.getElementById('chart-intake'), {
    type: 'bar',
    data: { labels: data.intake.map(function (d) { return d.day.slice(5); }), datasets: [{ label: data.applicationsLabel, data: data.intake.map(function (d) { return d.count; }), backgroundColor: accent, borderRadius: 3 }] },
    options: Object.assign({}, common, { scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } } }),
  });
  new Chart(document.getElementById('chart-states'), {
    type: 'doughnut',
    data: { labels: data.byState.map(function (s) { return s.label; }), datasets: [{ data: data.byState.map(function (s) { return s.count; }), backgroundColor: data.byState.map(function (s) { return stateColours[s.state] || '#64748b'; }) }] },
    options: Object.assign({}, common, { plugins: { legend: { display: true, position: 'right', labels: { boxWidth: 12 } } } }),
  });
  new Chart(document.getElementById('chart-rejections'), {
    type: 'bar',
    data: { labels: data.rejections.map(function (r) { return r.label; }), datasets: [{ data: data.rejections.map(function (r) { return r.count; }), backgroundColor: '#b42318', borderRadius: 3 }] },
    options: Object.assign({}, common, { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }),
  });
  new Chart(document.getElementById('chart-confidence'), {
    type: 'bar',
    data: {
      labels: data.confidence.map(function (c) { return c.label; }),
      datasets: [{ data: data.confidence.map(function (c) { return c.count; }), backgroundColor: data.confidence.map(function (_c, i) { return i >= 8 ? '#127a46' : i >= 6 ? '#f08c00' : '#b42318'; }), borderRadius: 3 }],
    },
    options: Object.assign({}, common, { scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } } }),
  });
})();
