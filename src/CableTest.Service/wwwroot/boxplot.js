// One horizontal box plot in SVG for a MarginDistribution (min, p10, p25, median, p75, p90, max) against reference
// lines (the limit 1.0, a warning line). Linear or log10 scale; every mark carries a class and data-value so the
// page's tests read what is drawn.
"use strict";
const BoxPlot = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const W = 190, H = 34, PAD = 10;
  const node = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // scale: { lo, hi, log } ; lines: [{ value, cls, label }]
  function draw(d, scale, lines, title) {
    const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, class: "boxplot", role: "img", "data-testid": "boxplot" });
    svg.append(node("title", {}, title));
    const f = scale.log ? Math.log10 : v => v;
    const lo = f(scale.lo), hi = f(scale.hi);
    const x = v => PAD + (Math.min(Math.max(f(v), lo), hi) - lo) / (hi - lo) * (W - 2 * PAD);
    const mid = H / 2 - 3;
    for (const l of lines) {
      svg.append(node("line", { x1: x(l.value), x2: x(l.value), y1: 2, y2: H - 10, class: "ref " + l.cls, "data-value": l.value }));
      // Each label on its line's side away from the other line (they sit close: 1.0 and 0.98, or 1 and 1.5).
      const right = l.value >= Math.max(...lines.map(o => o.value));
      svg.append(node("text", { x: x(l.value) + (right ? 2 : -2), y: H - 1, class: "ref-label " + l.cls, "text-anchor": right ? "start" : "end" }, l.label));
    }
    if (!d || !(d.count > 0) || d.median === undefined) {
      svg.dataset.count = "0";
      return svg;
    }
    svg.dataset.count = String(d.count);
    const mark = (tag, attrs, key, v) => svg.append(node(tag, { ...attrs, class: key, "data-value": v }));
    mark("line", { x1: x(d.p10), x2: x(d.p90), y1: mid, y2: mid }, "whisker", `${d.p10} ${d.p90}`);
    for (const k of ["p10", "p90"]) mark("line", { x1: x(d[k]), x2: x(d[k]), y1: mid - 5, y2: mid + 5 }, "whisker-end " + k, d[k]);
    mark("rect", { x: x(d.p25), y: mid - 8, width: Math.max(1, x(d.p75) - x(d.p25)), height: 16 }, "box", `${d.p25} ${d.p75}`);
    mark("line", { x1: x(d.median), x2: x(d.median), y1: mid - 8, y2: mid + 8 }, "median", d.median);
    for (const k of ["min", "max"]) mark("circle", { cx: x(d[k]), cy: mid, r: 2.2 }, "extreme " + k, d[k]);
    return svg;
  }
  return { draw };
})();
