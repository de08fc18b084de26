// The dashboard: calls the public API only, with the bearer token kept for this tab (sessionStorage), like Swagger UI.
// Its words come from the server's table (Charts/Texts.cs) in the page's language, embedded in the page as JSON.
"use strict";
(() => {
  const TOKEN_KEY = "investment-api-token";
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const lang = document.documentElement.lang;
  const t = (key, ...values) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => values[Number(i)] ?? "");
  const usd = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 0 });
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const zone = params.get("zone") || "dung-quat";
  const year = Number(params.get("year")) || new Date().getFullYear();
  const urls = [];

  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t("dash.title");
  $("progress-chart").alt = t("dash.chartProgress");
  $("pipeline-chart").alt = t("dash.chartPipeline");

  class Refused extends Error {}

  async function call(path, accept = "application/json") {
    const answer = await fetch(path, {
      headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`, Accept: accept, "Accept-Language": lang },
      cache: "no-cache",
    });
    if (answer.status === 401 || answer.status === 403) throw new Refused();
    if (!answer.ok) {
      let detail = answer.statusText;
      try { detail = (await answer.json()).detail ?? detail; } catch { /* not a problem document */ }
      throw new Error(t("dash.error", answer.status, detail));
    }
    return accept === "application/json" ? answer.json() : answer.blob();
  }

  function amount(el, value) {
    el.dataset.value = value ?? "";
    el.textContent = value == null ? "—" : usd.format(Number(value));
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function fill(tbody, items, render, columns) {
    tbody.replaceChildren();
    if (items.length === 0) {
      const td = tbody.insertRow().insertCell();
      td.colSpan = columns;
      td.textContent = t("dash.none");
      return;
    }
    for (const item of items) render(tbody.insertRow(), item);
  }

  const date = (iso) => iso ? iso.split("-").reverse().join("/") : "";

  async function chart(img, path) {
    const blob = await call(path, "image/svg+xml");
    const url = URL.createObjectURL(blob);
    urls.push(url);
    img.src = url;
  }

  async function zones() {
    const list = await call("/api/v1/zones");
    const select = $("zone");
    select.replaceChildren(...list.map((z) => {
      const option = new Option(lang === "vi" ? z.vietnameseName : z.name, z.code);
      option.selected = z.code === zone;
      return option;
    }));
  }

  async function progress() {
    const p = await call(`/api/v1/zones/${encodeURIComponent(zone)}/progress/${year}`);
    const field = (path) => path.split(".").reduce((o, k) => (o == null ? null : o[k]), p);
    document.querySelectorAll("#figures dd").forEach((dd) => amount(dd, field(dd.dataset.field)));
    const position = t(`position.${p.status.position}`);
    const pace = p.status.onPace == null ? "" : `, ${t(p.status.onPace ? "pace.on" : "pace.off")}`;
    $("status").textContent = `${t("dash.status")}: ${position}${pace}.`;
    $("status").dataset.position = p.status.position;
  }

  async function pipeline() {
    const q = `openedFrom=${year}-01-01&openedTo=${year}-12-31`;
    const p = await call(`/api/v1/zones/${encodeURIComponent(zone)}/pipeline?${q}`);
    fill($("pipeline").tBodies[0], p.stages, (row, s) => {
      row.dataset.stage = s.stage;
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = t(`stage.${s.stage}`);
      row.appendChild(th);
      cell(row, String(s.reached), "number").dataset.field = "reached";
      cell(row, String(s.current), "number").dataset.field = "current";
      const estimate = cell(row, "", "number");
      estimate.dataset.field = "estimatedCapitalUsd";
      amount(estimate, s.estimatedCapitalUsd);
      cell(row, s.conversionToNext == null ? "—" : percent.format(Number(s.conversionToNext)), "number");
    }, 5);
    await chart($("pipeline-chart"), `/api/v1/zones/${encodeURIComponent(zone)}/pipeline/chart?${q}`);
  }

  async function watchlist() {
    const w = await call(`/api/v1/certificates/watchlist?zone=${encodeURIComponent(zone)}`);
    fill($("watchlist").tBodies[0], w.entries, (row, e) => {
      row.dataset.certificate = e.number;
      cell(row, e.number);
      cell(row, e.projectName);
      const list = document.createElement("ul");
      for (const r of e.reasons) {
        const li = document.createElement("li");
        li.textContent = `${t(`rule.${r.rule}`)} (${t("dash.since").toLowerCase()} ${date(r.crossedOn)})`;
        li.title = r.explanation;
        list.appendChild(li);
      }
      row.insertCell().appendChild(list);
    }, 3);
  }

  async function certificates() {
    const page = await call(`/api/v1/certificates?zone=${encodeURIComponent(zone)}&issueYear=${year}&limit=5`);
    fill($("certificates").tBodies[0], page.items, (row, c) => {
      row.dataset.certificate = c.number;
      cell(row, c.number);
      cell(row, c.projectName);
      cell(row, date(c.issuedOn));
      const capital = cell(row, "", "number");
      capital.dataset.field = "capitalUsd";
      amount(capital, c.capitalUsd);
    }, 4);
  }

  function signedOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $("board").hidden = true;
    $("signin").hidden = false;
    $("message").textContent = message ?? "";
    $("token").focus();
  }

  async function show() {
    $("signin").hidden = true;
    $("board").hidden = false;
    $("year").value = String(year);
    $("lang").value = lang;
    $("message").textContent = t("dash.loading");
    document.body.dataset.state = "loading";
    try {
      await zones();
      await Promise.all([progress(), chart($("progress-chart"), `/api/v1/zones/${encodeURIComponent(zone)}/progress/${year}/chart`),
        pipeline(), watchlist(), certificates()]);
      $("message").textContent = "";
      document.body.dataset.state = "ready";
    } catch (e) {
      document.body.dataset.state = "failed";
      if (e instanceof Refused) signedOut(t("dash.refused"));
      else $("message").textContent = e.message;
    }
  }

  $("signin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token").value = "";
    show();
  });
  $("signout").addEventListener("click", () => signedOut());
  window.addEventListener("pagehide", () => urls.forEach(URL.revokeObjectURL));

  if (sessionStorage.getItem(TOKEN_KEY)) show();
  else signedOut();
})();
