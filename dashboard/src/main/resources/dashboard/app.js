// The dashboard's page: one EventSource on /api/events, each event a snapshot (see Snapshot.java).
// Everything below draws the latest snapshot; the charts keep the last HISTORY of them.
"use strict";

const HISTORY = 300;
const OUTPUTS = ["food-orders-processed", "food-order-items", "food-orders-rejected", "restaurant-stats", "order-notifications"];
const NOTIFY_GROUP = "notification-service";
const series = { t: [], orders: [], processed: [], rejected: [], p50: [], p99: [], reasons: {} };
const charts = {};

const $ = (id) => document.getElementById(id);
const fmt = (n, digits = 0) => n == null ? "–" : Number(n).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

function rateOf(kafka, topic) {
  const t = kafka && kafka.topics.find((x) => x.topic === topic);
  return t ? t.perSecond : null;
}

function lagOf(kafka, group, topic) {
  const g = kafka && kafka.groups.find((x) => x.group === group && x.topic === topic);
  return g ? g.lag : null;
}

// ---- the pipeline as a picture -------------------------------------------------------------
function box(x, y, w, h, text, cls = "", sub = "") {
  return `<g class="box ${cls}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="5"/>` +
    `<text x="${x + 6}" y="${y + 15}">${esc(text)}</text>` +
    (sub ? `<text class="label" x="${x + 6}" y="${y + 29}">${esc(sub)}</text>` : "") + `</g>`;
}

function edge(x1, y1, x2, y2, label) {
  const mx = (x1 + x2) / 2;
  return `<path class="edge" d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2 - 4},${y2}"/>` +
    (label ? `<text class="label" x="${mx - 20}" y="${(y1 + y2) / 2 - 4}">${esc(label)}</text>` : "");
}

function drawPipeline(s) {
  const kafka = s.kafka.data;
  const streams = s.streams.data;
  const connectors = s.connect.data ? s.connect.data.connectors : [];
  const rows = s.database.data ? s.database.data.rows : {};
  const group = streams ? streams.applicationId : "food-orders-streams";
  const rowY = (i) => 20 + i * 62;
  let svg = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a8"/></marker></defs>`;
  svg += box(5, 140, 95, 36, "generator");
  svg += box(150, 140, 110, 36, "food-orders", "topic");
  svg += edge(100, 158, 150, 158, `${fmt(rateOf(kafka, "food-orders"), 1)}/s`);
  const instances = streams ? streams.instances : [];
  svg += box(320, 90, 130, 40 + 14 * instances.length, "streams-app", s.streams.error ? "failed" : "",
    `${instances.length} instance(s)`);
  instances.forEach((inst, i) => {
    svg += `<text class="label ${esc(inst.state)}" x="326" y="${134 + 14 * i}">${esc(inst.instanceId || inst.server)} ${esc(inst.state)}</text>`;
  });
  svg += edge(260, 158, 320, 115, `lag ${fmt(lagOf(kafka, group, "food-orders"))}`);
  svg += box(320, 250, 130, 36, NOTIFY_GROUP);
  OUTPUTS.forEach((topic, i) => {
    const y = rowY(i);
    svg += box(510, y, 160, 36, topic, "topic");
    const from = topic === "order-notifications" ? [450, 268] : [450, 115];
    svg += edge(from[0], from[1], 510, y + 18, `${fmt(rateOf(kafka, topic), 1)}/s`);
    const sink = connectors.find((c) => c.topics.includes(topic));
    if (sink) {
      const failed = sink.state === "FAILED" || sink.tasks.some((t) => t.state === "FAILED");
      svg += box(720, y, 130, 36, sink.name, failed ? "failed" : "", sink.state);
      svg += edge(670, y + 18, 720, y + 18, `lag ${fmt(lagOf(kafka, "connect-" + sink.name, topic))}`);
      const table = sink.name.replace(/-sink$/, "").replace(/-/g, "_");
      svg += box(890, y, 105, 36, table, "table", `${fmt(rows[table])} rows`);
      svg += edge(850, y + 18, 890, y + 18, "");
    }
  });
  ["food-orders-processed", "food-orders-rejected"].forEach((topic) => {
    const lag = lagOf(kafka, NOTIFY_GROUP, topic);
    if (lag != null) {
      svg += `<text class="label" x="330" y="${300 + (topic.endsWith("rejected") ? 14 : 0)}">lag ${esc(topic)} ${fmt(lag)}</text>`;
    }
  });
  $("pipeline").innerHTML = svg;
}

// ---- tables --------------------------------------------------------------------------------
function drawAssignment(s) {
  const body = $("assignment").tBodies[0];
  const streams = s.streams.data;
  $("streams-error").textContent = s.streams.error || "";
  if (!streams) { body.innerHTML = ""; return; }
  let html = "";
  streams.instances.forEach((inst) => {
    const threads = inst.threads.length ? inst.threads : [{ name: "–", active: [], standby: [] }];
    threads.forEach((t, i) => {
      html += `<tr data-instance="${esc(inst.server)}"><td>${i === 0 ? esc((inst.instanceId || "") + " " + inst.server) : ""}</td>` +
        `<td class="${esc(inst.state)}">${i === 0 ? esc(inst.state) + (inst.error ? " " + esc(inst.error) : "") : ""}</td>` +
        `<td>${esc(t.name.replace(/^.*-(StreamThread-\d+)$/, "$1"))}</td><td>${esc(t.active.join(", "))}</td><td>${esc(t.standby.join(", "))}</td></tr>`;
    });
  });
  body.innerHTML = html;
}

function drawConnectors(s) {
  const body = $("connectors").tBodies[0];
  $("connect-error").textContent = s.connect.error || "";
  const connectors = s.connect.data ? s.connect.data.connectors : [];
  body.innerHTML = connectors.map((c) => {
    const failed = c.state === "FAILED" || c.tasks.some((t) => t.state === "FAILED");
    const tasks = c.tasks.map((t) => `<div class="${esc(t.state)}">task ${t.id} ${esc(t.state)}` +
      (t.error ? `: ${esc(t.error)}` : "") + `</div>`).join("");
    return `<tr class="${failed ? "failed" : ""}"><td>${esc(c.name)}</td><td class="${esc(c.state)}">${esc(c.state)}</td><td>${tasks}</td></tr>`;
  }).join("");
}

function drawLeaderboard(s) {
  const body = $("leaderboard").tBodies[0];
  $("leaderboard-error").textContent = s.leaderboard.error || "";
  const rows = s.leaderboard.data ? s.leaderboard.data.restaurants : [];
  body.innerHTML = rows.map((r) => `<tr><td>${esc(r.restaurantId)}</td><td class="num">${fmt(r.ordersNow)}</td>` +
    `<td class="num">${fmt(r.revenueNow, 2)}</td><td class="num">${fmt(r.ordersKept)}</td>` +
    `<td class="num">${fmt(r.revenueKept, 2)}</td><td>${esc(r.servedBy)}</td></tr>`).join("");
}

function drawNotifications(s) {
  $("database-error").textContent = s.database.error || "";
  const list = s.database.data ? s.database.data.notifications : [];
  $("notifications").innerHTML = list.map((n) => `<li><b>${esc(n.type)}</b> ${esc(n.message)} <small>${esc(n.notifiedAt)}</small></li>`).join("");
}

// ---- charts --------------------------------------------------------------------------------
function chart(id, names, colors) {
  const el = $(id);
  if (charts[id]) { charts[id].destroy(); }
  const opts = {
    width: el.clientWidth || 440, height: 190, legend: { show: true },
    series: [{}].concat(names.map((n, i) => ({ label: n, stroke: colors[i % colors.length], width: 2 }))),
    axes: [{}, { size: 55 }],
  };
  charts[id] = new uPlot(opts, [[]].concat(names.map(() => [])), el);
  return charts[id];
}

const COLORS = ["#5470c6", "#91cc75", "#ee6666", "#fac858", "#73c0de", "#3ba272", "#fc8452", "#9a60b4"];

function push(arr, v) { arr.push(v); if (arr.length > HISTORY) arr.shift(); }

function drawCharts(s) {
  if (typeof uPlot === "undefined") return;
  const kafka = s.kafka.data;
  const db = s.database.data;
  push(series.t, Date.parse(s.at) / 1000);
  push(series.orders, rateOf(kafka, "food-orders"));
  push(series.processed, rateOf(kafka, "food-orders-processed"));
  push(series.rejected, rateOf(kafka, "food-orders-rejected"));
  push(series.p50, db ? db.latencyP50Ms : null);
  push(series.p99, db ? db.latencyP99Ms : null);
  const reasons = db ? db.rejectionsLastMinute : {};
  const known = Object.keys(series.reasons);
  let newReason = false;
  Object.keys(reasons).forEach((r) => {
    if (!series.reasons[r]) { series.reasons[r] = series.t.slice(0, -1).map(() => null); newReason = true; }
  });
  Object.keys(series.reasons).forEach((r) => push(series.reasons[r], reasons[r] ?? 0));
  if (!charts["chart-orders"]) chart("chart-orders", ["food-orders", "processed", "rejected"], COLORS);
  if (!charts["chart-latency"]) chart("chart-latency", ["p50", "p99"], ["#5470c6", "#ee6666"]);
  const names = Object.keys(series.reasons).sort();
  if (!charts["chart-rejections"] || newReason || known.length !== names.length) chart("chart-rejections", names, COLORS);
  charts["chart-orders"].setData([series.t, series.orders, series.processed, series.rejected]);
  charts["chart-latency"].setData([series.t, series.p50, series.p99]);
  charts["chart-rejections"].setData([series.t].concat(names.map((n) => series.reasons[n])));
}

// ---- the live feed -------------------------------------------------------------------------
function draw(s) {
  const kafka = s.kafka.data;
  const db = s.database.data;
  $("orders-rate").textContent = fmt(rateOf(kafka, "food-orders"), 1);
  $("latency-p50").textContent = fmt(db && db.latencyP50Ms);
  $("latency-p99").textContent = fmt(db && db.latencyP99Ms);
  $("orders-total").textContent = fmt(db && db.rows.orders);
  // Large tables are counted every few seconds (CountSchedule): say how old the count is.
  const countAge = db && db.rowsCountedAt ? Math.round((Date.parse(s.at) - Date.parse(db.rowsCountedAt)) / 1000) : 0;
  $("orders-total-note").textContent = countAge >= 2 ? `rows in orders, counted ${countAge} s ago` : "rows in orders";
  const errors = ["kafka", "streams", "connect", "database", "leaderboard"].filter((k) => s[k].error);
  $("status").textContent = `snapshot ${s.sequence} at ${new Date(s.at).toLocaleTimeString()}` +
    (errors.length ? ` · no answer from ${errors.join(", ")}` : "");
  $("status").className = errors.length ? "status down" : "status";
  drawPipeline(s);
  drawAssignment(s);
  drawConnectors(s);
  drawLeaderboard(s);
  drawNotifications(s);
  drawCharts(s);
}

const events = new EventSource("/api/events");
events.addEventListener("snapshot", (e) => draw(JSON.parse(e.data)));
events.onerror = () => { $("status").textContent = "dashboard unreachable, retrying…"; $("status").className = "status down"; };
