// Thin client for the service's HTTP/JSON API (gRPC JSON transcoding of protos/cabletest/v1) and
// its server-sent run events. Field names follow the proto3 JSON mapping (lowerCamelCase).
"use strict";
const api = (() => {
  const keyInput = () => document.getElementById("apiKey");
  const headers = () => {
    const h = { "content-type": "application/json" };
    const key = localStorage.getItem("cabletest.apiKey");
    if (key) h["x-api-key"] = key;
    return h;
  };
  async function call(method, path, body) {
    const res = await fetch(path, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    if (!res.ok) {
      const violations = (json?.details ?? []).flatMap(d => d.fieldViolations ?? d.violations ?? [])
        .map(v => v.field ? `${v.field}: ${v.description}` : [v.subject, v.description].filter(Boolean).join(": "));
      const message = violations.length ? violations.join("; ")
        : (json?.message || json?.detail || json?.title || (typeof json === "string" ? json : "") || text.trim() || `HTTP ${res.status} ${res.statusText}`);
      const error = new Error(message);
      error.violations = (json?.details ?? []).flatMap(d => d.fieldViolations ?? []).map(v => ({ field: v.field, description: v.description }));
      throw error;
    }
    return json;
  }
  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null || v === "") continue;
      if (Array.isArray(v)) v.forEach(x => q.append(k, x)); else q.append(k, v);
    }
    const s = q.toString();
    return s ? "?" + s : "";
  }
  return {
    init() {
      const input = keyInput();
      input.value = localStorage.getItem("cabletest.apiKey") ?? "";
      input.addEventListener("change", () => localStorage.setItem("cabletest.apiKey", input.value.trim()));
    },
    bench: () => call("GET", "/v1/bench"),
    productSpecs: () => call("GET", "/v1/product-specs"),
    registerSample: s => call("POST", "/v1/samples", s),
    getSample: id => call("GET", `/v1/samples/${encodeURIComponent(id)}`),
    startRun: r => call("POST", "/v1/runs", r),
    getRun: id => call("GET", `/v1/runs/${encodeURIComponent(id)}`),
    abortRun: (id, reason) => call("POST", `/v1/runs/${encodeURIComponent(id)}:abort`, { reason }),
    answerPrompt: (id, promptId, acknowledged, operatorName) =>
      call("POST", `/v1/runs/${encodeURIComponent(id)}:answer`, { promptId, acknowledged, operatorName }),
    listVerdicts: f => call("GET", "/v1/verdicts" + query(f)),
    getVerdict: runId => call("GET", "/v1/verdicts:get" + query({ runId })),
    // The station view's reads (DashboardEndpoints): every stored reading of a run, and its banner and rows.
    runReadings: runId => call("GET", `/dashboard/runs/${encodeURIComponent(runId)}/readings`),
    runResults: runId => call("GET", `/dashboard/runs/${encodeURIComponent(runId)}/results`),
    // Server-sent events: one RunEvent (proto3 JSON) per message. EventSource cannot send headers,
    // so the key travels as a query parameter on this one endpoint.
    watchRun(id, readingsPerSecond, onEvent, onEnd) {
      const key = localStorage.getItem("cabletest.apiKey");
      const es = new EventSource(`/events/runs/${encodeURIComponent(id)}` + query({ readingsPerSecond, key }));
      es.onmessage = m => onEvent(JSON.parse(m.data));
      es.addEventListener("end", () => { es.close(); onEnd?.(); });
      es.onerror = () => { if (es.readyState === EventSource.CLOSED) onEnd?.(); };
      return es;
    },
  };
})();
