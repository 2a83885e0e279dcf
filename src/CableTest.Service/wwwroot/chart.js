// Minimal line charts on <canvas>: no dependencies, enough for live bench curves.
"use strict";
class LineChart {
  constructor(canvas, series) {
    this.canvas = canvas;
    this.series = series.map(s => ({ ...s, points: [] })); // {name, color, axis: "left"|"right"}
  }
  clear() { this.series.forEach(s => s.points = []); this.draw(); }
  add(name, x, y) {
    const s = this.series.find(s => s.name === name);
    if (!s || !Number.isFinite(x) || !Number.isFinite(y)) return;
    s.points.push([x, y]);
    if (s.points.length > 2000) s.points.shift();
    this.pending ??= requestAnimationFrame(() => { this.pending = null; this.draw(); });
  }
  draw() {
    const c = this.canvas, g = c.getContext("2d"), w = c.width, h = c.height, pad = 34;
    g.clearRect(0, 0, w, h);
    const all = this.series.flatMap(s => s.points);
    if (!all.length) { g.fillStyle = "#999"; g.fillText("no readings yet", w / 2 - 40, h / 2); return; }
    const xs = all.map(p => p[0]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1e-9);
    const range = axis => {
      const ys = this.series.filter(s => (s.axis ?? "left") === axis).flatMap(s => s.points.map(p => p[1]));
      if (!ys.length) return null;
      let lo = Math.min(...ys), hi = Math.max(...ys);
      if (hi - lo < Math.abs(hi) * 1e-6 + 1e-12) { lo -= Math.abs(lo) * 0.01 + 1e-9; hi += Math.abs(hi) * 0.01 + 1e-9; }
      return [lo, hi];
    };
    const ranges = { left: range("left"), right: range("right") };
    g.strokeStyle = "#ccc"; g.strokeRect(pad, 6, w - 2 * pad, h - pad - 6);
    g.fillStyle = "#555"; g.font = "10px sans-serif";
    g.fillText(x0.toPrecision(3), pad, h - pad + 12); g.fillText(x1.toPrecision(3), w - pad - 24, h - pad + 12);
    for (const [axis, r] of Object.entries(ranges)) {
      if (!r) continue;
      const x = axis === "left" ? 2 : w - pad + 2;
      g.fillText(r[1].toPrecision(4), x, 14); g.fillText(r[0].toPrecision(4), x, h - pad);
    }
    for (const s of this.series) {
      const r = ranges[s.axis ?? "left"];
      if (!r || !s.points.length) continue;
      g.strokeStyle = s.color; g.beginPath();
      s.points.forEach(([x, y], i) => {
        const px = pad + (x - x0) / (x1 - x0) * (w - 2 * pad);
        const py = 6 + (1 - (y - r[0]) / (r[1] - r[0])) * (h - pad - 6);
        i ? g.lineTo(px, py) : g.moveTo(px, py);
      });
      g.stroke();
    }
    let lx = pad + 4;
    for (const s of this.series) { g.fillStyle = s.color; g.fillText(s.name, lx, 18); lx += g.measureText(s.name).width + 12; }
  }
}
