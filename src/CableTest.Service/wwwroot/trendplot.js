// The monthly trend of the risk summary in SVG: per group (manufacturer or product spec) one line through the median
// conductor R20/limit of each UTC month, against the limit (1.0) and the warning line, months along the bottom. A
// warned group's line is drawn in the warning colour. Every point carries data-period, data-value, data-samples and
// data-failures so the page's tests read what is drawn.
"use strict";
const TrendPlot = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const W = 640, H = 220, LEFT = 44, RIGHT = 150, TOP = 10, BOTTOM = 26;
  const node = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // groups: [{ key, warned, trend: [{ period, sampleCount, failureCount, conductorR20RatioMedian }] }]
  // lines: [{ value, cls, label }] ; label(p): the point's tooltip
  function draw(groups, lines, label) {
    const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, class: "trendplot", role: "img", "data-testid": "trendplot" });
    const periods = [...new Set(groups.flatMap(g => (g.trend ?? []).map(p => p.period)))].sort();
    const values = groups.flatMap(g => (g.trend ?? []).map(p => p.conductorR20RatioMedian)).filter(Number.isFinite);
    const lo = Math.min(0.85, ...values) - 0.01, hi = Math.max(1.02, ...values) + 0.01;
    const x = i => LEFT + (periods.length < 2 ? (W - LEFT - RIGHT) / 2 : i * (W - LEFT - RIGHT) / (periods.length - 1));
    const y = v => TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    svg.dataset.periods = periods.join(" ");
    for (let v = Math.ceil(lo * 20) / 20; v <= hi; v += 0.05) {
      if (lines.some(l => Math.abs(l.value - v) < 0.015)) continue; // the reference lines carry their own labels
      svg.append(node("line", { x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), class: "grid" }));
      svg.append(node("text", { x: LEFT - 4, y: y(v) + 3, class: "ref-label", "text-anchor": "end" }, v.toFixed(2)));
    }
    for (const l of lines) {
      svg.append(node("line", { x1: LEFT, x2: W - RIGHT, y1: y(l.value), y2: y(l.value), class: "ref " + l.cls, "data-value": l.value }));
      svg.append(node("text", { x: LEFT - 4, y: y(l.value) + 3, class: "ref-label " + l.cls, "text-anchor": "end" }, l.label));
    }
    periods.forEach((p, i) => svg.append(node("text", { x: x(i), y: H - 8, class: "period", "text-anchor": "middle" }, p)));
    groups.forEach((g, n) => {
      const points = (g.trend ?? []).filter(p => Number.isFinite(p.conductorR20RatioMedian));
      const series = node("g", { class: "series" + (g.warned ? " warned" : ""), "data-testid": "trend-series", "data-key": g.key });
      const xy = points.map(p => [x(periods.indexOf(p.period)), y(p.conductorR20RatioMedian)]);
      series.append(node("polyline", { points: xy.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(" "), class: "line s" + (n % 6) }));
      points.forEach((p, i) => {
        const dot = node("circle", { cx: xy[i][0], cy: xy[i][1], r: 3, class: "point s" + (n % 6),
          "data-period": p.period, "data-value": p.conductorR20RatioMedian, "data-samples": p.sampleCount ?? 0, "data-failures": p.failureCount ?? 0 });
        dot.append(node("title", {}, label(g, p)));
        series.append(dot);
      });
      if (xy.length) {
        series.append(node("text", { x: W - RIGHT + 6, y: TOP + 12 + n * 14, class: "legend s" + (n % 6) }, g.key));
      }
      svg.append(series);
    });
    return svg;
  }
  return { draw };
})();
