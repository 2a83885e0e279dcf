// Line charts in SVG, no dependencies: a numeric x axis (seconds, or the reading number), one or two y axes that
// start at zero with round ticks (a 2.5 kV hold keeps its scale, ±0.1 % noise stays a flat line), dashed limit
// lines. Each series is one <polyline data-series=… data-points=…>, each tick a <text class="tick-x|tick-y">, so
// the page's tests read what is drawn.
"use strict";
class LineChart {
  static NS = "http://www.w3.org/2000/svg";

  // options: { xLabel: () => string, yLabel: () => string, rightLabel?: () => string, empty: () => string }
  constructor(svg, options) {
    this.svg = svg;
    this.options = options;
    this.series = new Map(); // key -> { name, color, axis, points: [[x, y]] }
    this.lines = [];         // { value, label, axis, color }
    this.width = 640;
    this.height = 260;
    svg.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
    svg.setAttribute("role", "img");
    this.draw();
  }

  clear() { this.series.clear(); this.lines = []; this.draw(); }

  ensure(key, name, color, axis = "left") {
    if (!this.series.has(key)) this.series.set(key, { name, color, axis, points: [] });
    return this.series.get(key);
  }

  add(key, x, y) {
    const s = this.series.get(key);
    if (!s || !Number.isFinite(x) || !Number.isFinite(y)) return;
    s.points.push([x, y]);
    if (s.points.length > 5000) s.points.shift();
    this.schedule();
  }

  setLines(lines) { this.lines = lines; this.schedule(); }

  schedule() { this.pending ??= requestAnimationFrame(() => { this.pending = null; this.draw(); }); }

  // Round steps (1, 2, 2.5, 5 × 10^n) giving about `count` intervals over [0, max].
  static ticks(max, count = 5) {
    if (!(max > 0)) max = 1;
    const raw = max / count, p = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * p).find(s => s >= raw) ?? 10 * p;
    const top = Math.ceil(max / step - 1e-9) * step;
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / p === 2.5 ? 1 : 0));
    const values = [];
    for (let v = 0; v <= top + step / 2; v += step) values.push(v);
    return { top, values, label: v => v.toFixed(decimals) };
  }

  el(tag, attrs, text) {
    const e = document.createElementNS(LineChart.NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  draw() {
    const { svg, width: w, height: h } = this;
    const left = 58, right = 58, top = 26, bottom = 40;
    const pw = w - left - right, ph = h - top - bottom;
    svg.replaceChildren();
    const all = [...this.series.values()].flatMap(s => s.points);
    svg.dataset.points = String(all.length);
    if (!all.length) {
      svg.append(this.el("text", { x: w / 2, y: h / 2, "text-anchor": "middle", class: "empty" }, this.options.empty()));
      return;
    }
    const xMax = Math.max(...all.map(p => p[0]));
    const xMin = Math.min(0, ...all.map(p => p[0]));
    const xt = LineChart.ticks(xMax - xMin || 1);
    const x = v => left + (v - xMin) / xt.top * pw;
    const axes = {};
    for (const axis of ["left", "right"]) {
      const values = [...this.series.values()].filter(s => s.axis === axis).flatMap(s => s.points.map(p => p[1]))
        .concat(this.lines.filter(l => l.axis === axis).map(l => l.value));
      if (values.length) axes[axis] = LineChart.ticks(Math.max(...values) * 1.05);
    }
    const y = (axis, v) => top + ph - v / axes[axis].top * ph;

    const grid = this.el("g", { class: "grid" });
    for (const v of xt.values) {
      grid.append(this.el("line", { x1: x(v + xMin), x2: x(v + xMin), y1: top, y2: top + ph }));
      grid.append(this.el("text", { x: x(v + xMin), y: top + ph + 14, "text-anchor": "middle", class: "tick-x" }, xt.label(v + xMin)));
    }
    for (const [axis, t] of Object.entries(axes)) {
      for (const v of t.values) {
        if (axis === "left") grid.append(this.el("line", { x1: left, x2: left + pw, y1: y(axis, v), y2: y(axis, v) }));
        grid.append(this.el("text", { x: axis === "left" ? left - 6 : left + pw + 6, y: y(axis, v) + 4,
          "text-anchor": axis === "left" ? "end" : "start", class: "tick-y", "data-axis": axis }, t.label(v)));
      }
    }
    svg.append(grid);
    svg.append(this.el("rect", { x: left, y: top, width: pw, height: ph, class: "frame" }));
    svg.append(this.el("text", { x: left + pw / 2, y: h - 6, "text-anchor": "middle", class: "axis-label" }, this.options.xLabel()));
    svg.append(this.el("text", { x: 4, y: 14, class: "axis-label" }, this.options.yLabel()));
    if (axes.right && this.options.rightLabel) {
      svg.append(this.el("text", { x: w - 4, y: 14, "text-anchor": "end", class: "axis-label" }, this.options.rightLabel()));
    }

    // Limit lines, labelled above the line; the lower of two close lines is labelled below it.
    const sorted = this.lines.filter(l => axes[l.axis]).sort((a, b) => b.value - a.value);
    sorted.forEach((l, i) => {
      const ly = y(l.axis, l.value);
      const below = i > 0 && Math.abs(y(sorted[i - 1].axis, sorted[i - 1].value) - ly) < 14;
      svg.append(this.el("line", { x1: left, x2: left + pw, y1: ly, y2: ly, stroke: l.color, class: "limit", "data-limit": l.label }));
      svg.append(this.el("text", { x: left + pw - 4, y: below ? ly + 12 : ly - 4, "text-anchor": "end", fill: l.color, class: "limit-label" }, l.label));
    });
    let legendX = left + 6;
    for (const [key, s] of this.series) {
      if (!s.points.length) continue;
      const points = s.points.slice().sort((a, b) => a[0] - b[0]).map(([px, py]) => `${x(px).toFixed(1)},${y(s.axis, py).toFixed(1)}`).join(" ");
      svg.append(this.el("polyline", { points, fill: "none", stroke: s.color, "stroke-width": 2, "data-series": key, "data-points": String(s.points.length) }));
      if (s.points.length === 1) {
        const [px, py] = s.points[0];
        svg.append(this.el("circle", { cx: x(px), cy: y(s.axis, py), r: 3, fill: s.color }));
      }
      const label = this.el("text", { x: legendX, y: top + 14, fill: s.color, class: "legend" }, s.name);
      svg.append(label);
      legendX += 12 + 7 * s.name.length;
    }
  }
}
