// The risk early warning view (issue 13 item 3): GET /v1/risk with the caller's API key (kept in sessionStorage,
// sent as x-api-key; only lims, engineer and supervisor keys are answered), per manufacturer and per product spec the
// samples, failures, failure rate with its Wilson 95 % interval, the conductor R20/limit and insulation R/minimum
// distributions as box plots against the limit, the warnings of the configured rules highlighted, and the monthly trend
// of each manufacturer's median conductor R20/limit as a line chart.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  const t = i18n.t;
  const KEY = "cabletest.riskKey";
  let summary = null;
  let refusal = null;

  const num = (v, digits = 3) => Number.isFinite(v) ? v.toFixed(digits) : "—";
  const pct = v => Number.isFinite(v) ? (100 * v).toFixed(1) + " %" : "—";

  async function load() {
    const key = sessionStorage.getItem(KEY) ?? "";
    const headers = key ? { "x-api-key": key } : {};
    summary = null;
    refusal = null;
    try {
      const res = await fetch("/v1/risk", { headers });
      if (res.status === 401 || res.status === 403) {
        refusal = res.status === 401 ? "riskUnauthenticated" : "riskForbidden";
      } else if (!res.ok) {
        refusal = `HTTP ${res.status} ${res.statusText}`;
      } else {
        summary = await res.json();
      }
    } catch (e) {
      refusal = String(e.message ?? e);
    }
    render();
  }

  function scales(groups) {
    const values = k => groups.flatMap(g => [g[k]?.min, g[k]?.max]).filter(Number.isFinite);
    const c = values("conductorR20Ratio"), i = values("insulationRatio");
    return {
      conductor: { lo: Math.min(0.8, ...c) - 0.01, hi: Math.max(1.04, ...c) + 0.01, log: false },
      insulation: { lo: Math.min(0.5, ...i), hi: Math.max(1000, ...i) * 1.2, log: true },
    };
  }

  function table(target, groups, s, rules) {
    const head = el("thead", {}, el("tr", {},
      el("th", {}, t(target.id === "risk-spec" ? "colSpec" : "riskColManufacturer")),
      el("th", { class: "num" }, t("riskColSamples")),
      el("th", { class: "num" }, t("riskColFailures")),
      el("th", { class: "num" }, t("riskColFailureRate")),
      el("th", {}, t("riskColConductor")),
      el("th", {}, t("riskColInsulation")),
      el("th", {}, t("riskColWarnings"))));
    const conductorLines = [{ value: 1, cls: "limit", label: "1.0" }];
    const warnAt = rules?.conductorMedianRatioAbove ?? 0.98;
    conductorLines.push({ value: warnAt, cls: "warn", label: String(warnAt) });
    const insulationLines = [{ value: 1, cls: "limit", label: "1" }];
    if (Number.isFinite(rules?.insulationMedianRatioBelow) && rules.insulationMedianRatioBelow !== 1) {
      insulationLines.push({ value: rules.insulationMedianRatioBelow, cls: "warn", label: String(rules.insulationMedianRatioBelow) });
    }
    const body = el("tbody");
    for (const g of groups) {
      const warnings = g.warnings ?? [];
      const rate = Number.isFinite(g.failureRate)
        ? [pct(g.failureRate), el("span", { class: "interval" }, `${pct(g.failureRateLower ?? 0)}–${pct(g.failureRateUpper ?? 1)}`)] : ["—"];
      const d = g.conductorR20Ratio ?? {};
      const di = g.insulationRatio ?? {};
      body.append(el("tr", { class: warnings.length ? "warned" : undefined, "data-testid": "risk-row", "data-key": g.key, "data-warned": String(warnings.length > 0) },
        el("td", { class: "risk-key" }, g.key),
        el("td", { class: "num" }, g.sampleCount ?? 0),
        el("td", { class: "num" }, `${g.failureCount ?? 0} / ${g.decidedCount ?? 0}`),
        el("td", { class: "num", "data-testid": "failure-rate" }, ...rate),
        el("td", { class: "dist" }, BoxPlot.draw(d, s.conductor, conductorLines,
          `R20/limit: min ${num(d.min)} p10 ${num(d.p10)} p25 ${num(d.p25)} median ${num(d.median)} p75 ${num(d.p75)} p90 ${num(d.p90)} max ${num(d.max)}`),
          el("span", { class: "dist-median" }, `${t("riskMedian")} ${num(d.median)}`)),
        el("td", { class: "dist" }, BoxPlot.draw(di, s.insulation, insulationLines,
          `R/minimum (log scale): min ${num(di.min, 1)} median ${num(di.median, 1)} max ${num(di.max, 1)}`),
          el("span", { class: "dist-median" }, `${t("riskMedian")} ${num(di.median, 1)}`)),
        el("td", { "data-testid": "row-warnings" }, ...warnings.map(w => el("span", { class: "chip bad", title: w.message }, t("rule_" + w.rule))))));
    }
    if (!groups.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "muted" }, t("riskNone"))));
    target.replaceChildren(head, body);
  }

  function trend(byManufacturer, rules) {
    const warnAt = rules?.conductorMedianRatioAbove ?? 0.98;
    const lines = [{ value: 1, cls: "limit", label: "1.0" }, { value: warnAt, cls: "warn", label: String(warnAt) }];
    const groups = byManufacturer.map(g => ({ key: g.key, warned: (g.warnings ?? []).length > 0, trend: g.trend ?? [] }));
    const label = (g, p) => t("riskTrendPoint").replace("{key}", g.key).replace("{period}", p.period).replace("{median}", num(p.conductorR20RatioMedian))
      .replace("{samples}", p.sampleCount ?? 0).replace("{failures}", p.failureCount ?? 0);
    $("risk-trend").replaceChildren(...(groups.some(g => g.trend.length) ? [TrendPlot.draw(groups, lines, label)] : [el("p", { class: "muted" }, t("riskNone"))]));
  }

  function render() {
    i18n.apply();
    const error = $("risk-error");
    error.hidden = refusal === null;
    error.textContent = refusal === null ? "" : t(refusal);
    const bySpec = summary?.bySpec ?? [], byManufacturer = summary?.byManufacturer ?? [];
    const s = scales([...bySpec, ...byManufacturer]);
    table($("risk-manufacturer"), byManufacturer, s, summary?.rules);
    table($("risk-spec"), bySpec, s, summary?.rules);
    trend(byManufacturer, summary?.rules);
    $("risk-warnings").replaceChildren(...(summary?.warnings ?? []).map(w => el("li", { class: "warned", "data-testid": "risk-warning", "data-key": w.groupKey, "data-rule": w.rule },
      el("strong", {}, t("rule_" + w.rule)), ` — ${t(w.groupKind === "spec" ? "riskKindSpec" : "riskKindManufacturer")} ${w.groupKey}: `,
      `${num(w.value)} (${t("riskThreshold")} ${num(w.threshold)})`)));
    if (summary && !(summary.warnings ?? []).length) $("risk-warnings").append(el("li", { class: "muted" }, t("riskNoWarnings")));
    const r = summary?.rules;
    $("risk-rules").textContent = r ? t("riskRules").replace("{window}", r.windowSamples ?? "—").replace("{minimum}", r.minimumSamples ?? "—") : "";
  }

  const input = $("riskApiKey");
  input.value = sessionStorage.getItem(KEY) ?? "";
  $("risk-key").addEventListener("submit", e => {
    e.preventDefault();
    sessionStorage.setItem(KEY, input.value.trim());
    load();
  });
  $("lang").addEventListener("click", () => i18n.set(i18n.lang === "zh" ? "en" : "zh"));
  i18n.onChange(render);
  render();
  load();
})();
