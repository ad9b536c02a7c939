// The insights page's charts, drawn with Chart.js (served by the page itself, /assets/chart.umd.min.js)
// from the numbers of the JSON block #insights-data; every number is also in a table of the page.
(function () {
  "use strict";
  // the teach form: picking a topic, an answer or a value checks its line's radio button
  document.querySelectorAll(".choice-row select, .choice-row input:not([type=radio])").forEach(function (field) {
    var pick = function () {
      var radio = field.closest(".choice-row").querySelector("input[type=radio]");
      if (radio) radio.checked = true;
    };
    field.addEventListener("change", pick);
    field.addEventListener("input", pick);
  });
  var block = document.getElementById("insights-data");
  if (!block || typeof Chart === "undefined") return;
  var data = JSON.parse(block.textContent || "{}");
  var FR = "#2563eb", EN = "#d97706", MAIN = "#0f766e", SOFT = "#94a3b8";
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var chart = new Chart(canvas, config);
    canvas.setAttribute("data-drawn", String(chart.data.datasets.length));
  }
  function bars(labels, datasets, horizontal, stacked) {
    return {
      type: "bar",
      data: { labels: labels, datasets: datasets.map(function (d) { d.maxBarThickness = 28; return d; }) },
      options: {
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          x: { stacked: !!stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: !!stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    };
  }
  var f = data.funnel;
  if (f) {
    draw("chart-funnel", bars(f.labels, [{ label: f.label, data: f.values, backgroundColor: f.conditional.map(function (c) { return c ? SOFT : MAIN; }) }], true));
  }
  var r = data.doubtsByRule, L = data.langLabels;
  if (r) draw("chart-doubts-rule", bars(r.labels, [{ label: L.fr, data: r.fr, backgroundColor: FR }, { label: L.en, data: r.en, backgroundColor: EN }], true, true));
  var g = data.doubtsByLang;
  if (g) draw("chart-doubts-lang", { type: "doughnut", data: { labels: g.labels, datasets: [{ data: g.values, backgroundColor: [FR, EN] }] } });
  var d = data.doubtsByDay;
  if (d) draw("chart-doubts-day", bars(d.labels, [{ label: L.fr, data: d.fr, backgroundColor: FR }, { label: L.en, data: d.en, backgroundColor: EN }], false, true));
  if (data.hours) draw("chart-hours", bars(data.hours.labels, [{ label: data.hours.label, data: data.hours.values, backgroundColor: MAIN }]));
  if (data.budget) draw("chart-budget", bars(data.budget.labels, [{ label: data.budget.label, data: data.budget.values, backgroundColor: MAIN }]));
  document.documentElement.setAttribute("data-charts", "drawn");
})();
