// cleaner report: shows the data embedded in #report-data. Every text goes in through
// textContent or createTextNode, never as HTML, so no id or line of a corpus can inject markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const PAGE = 200; // rows rendered per list before "show more"
  const COL = { docs: 1, lines: 2, removed: 3, words: 4, wordsRemoved: 5, edits: 6 };
  const num = (n) => Number(n).toLocaleString("en-US");
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + "%" : "–");
  const categoryOf = new Map((data.rules || []).map((r) => [r[0], r[1]]));
  const filters = { outlet: "", lang: "", rule: "", category: "", q: "" };
  let currentList = [];
  let opener = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- overview -------------------------------------------------------------------
  function stat(name, value, detail) {
    return el("div", { class: "stat", "data-stat": name },
      el("span", { class: "value" }, value), el("span", { class: "label" }, detail));
  }

  function renderOverview() {
    const t = data.total;
    $("stats").replaceChildren(
      stat("docs", num(t[0]), "documents"),
      stat("lines-removed", num(t[2]), `lines removed of ${num(t[1])} (${pct(t[2], t[1])})`),
      stat("words-removed", num(t[4]), `tokens removed of ${num(t[3])} (${pct(t[4], t[3])})`),
      stat("edits", num(t[5]), "edits"),
      stat("flagged", num(data.flagged), "suspicious documents"));
    const byValue = (rows) => rows.filter((r) => r[1] > 0).sort((a, b) => b[1] - a[1]);
    chart("chart-category", byValue(data.categories.map((c) => [c[0], c[COL.removed], "category"])));
    chart("chart-rule", byValue(data.rules.map((r) => [r[0], r[2], "rule"])).slice(0, 15));
    chart("chart-edit", byValue(data.rules.map((r) => [r[0], r[4], "rule"])).slice(0, 10));
    chart("chart-outlet", byValue(data.outlets.map((o) => [o[0], o[COL.removed], "outlet"])).slice(0, 15));
    chart("chart-lang", byValue(data.langs.map((l) => [l[0], l[COL.removed], "lang"])).slice(0, 15));
    groupTable("table-outlet", data.outlets, "outlet", data.outlets_more);
    groupTable("table-lang", data.langs, "lang", data.langs_more);
  }

  function chart(id, rows) {
    $(id).replaceChildren(rows.length ? barChart(rows) : el("p", { class: "note" }, "none"));
  }

  function barChart(rows) {
    const height = 22, labelWidth = 220, width = 640;
    const max = Math.max(1, ...rows.map((r) => r[1]));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${Math.max(1, rows.length) * height}`, role: "list", class: "bars" });
    rows.forEach(([label, value, kind], i) => {
      const y = i * height;
      const bar = svg("g", { role: "listitem", tabindex: "0", class: "bar", "data-label": label });
      bar.append(svg("title", {}, `${label}: ${num(value)}`));
      bar.append(svg("text", { x: labelWidth - 6, y: y + 15, "text-anchor": "end" }, label.length > 32 ? label.slice(0, 31) + "…" : label));
      bar.append(svg("rect", { x: labelWidth, y: y + 4, height: height - 8, width: Math.max(1, ((width - labelWidth - 70) * value) / max) }));
      bar.append(svg("text", { x: labelWidth + 6 + ((width - labelWidth - 70) * value) / max, y: y + 15, class: "n" }, num(value)));
      const pick = () => setFilter(kind, label, kind === "rule" ? "lines" : "documents");
      bar.addEventListener("click", pick);
      bar.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
      chart.append(bar);
    });
    return chart;
  }

  function groupTable(id, rows, kind, more) {
    const body = rows.map((r) => el("tr", {},
      el("th", { scope: "row" }, el("button", { type: "button", class: "link", onclick: () => setFilter(kind, r[0], "documents") }, r[0])),
      el("td", {}, num(r[COL.docs])), el("td", {}, num(r[COL.removed])), el("td", {}, pct(r[COL.removed], r[COL.lines])),
      el("td", {}, num(r[COL.wordsRemoved])), el("td", {}, pct(r[COL.wordsRemoved], r[COL.words])), el("td", {}, num(r[COL.edits]))));
    if (more) body.push(el("tr", {}, el("td", { colspan: "7", class: "note" }, `… and ${num(more)} more`)));
    $(id).querySelector("tbody").replaceChildren(...body);
  }

  function renderRules() {
    const docs = data.total[0];
    const rows = data.rules.map((r) => el("tr", { "data-rule": r[0] },
      el("th", { scope: "row" }, el("button", { type: "button", class: "link", onclick: () => setFilter("rule", r[0], "lines") }, r[0])),
      el("td", {}, r[1]), el("td", { class: "count-lines" }, num(r[2])), el("td", {}, num(r[3])),
      el("td", { class: "count-edits" }, num(r[4])), el("td", { class: "count-docs" }, num(r[5])), el("td", {}, pct(r[5], docs))));
    if (data.rules_more) rows.push(el("tr", {}, el("td", { colspan: "7", class: "note" }, `… and ${num(data.rules_more)} more rules`)));
    $("table-rule").querySelector("tbody").replaceChildren(...rows);
  }

  // ---- filters ----------------------------------------------------------------------
  function options(select, values) {
    select.append(...values.map((v) => el("option", { value: v }, v)));
  }

  function setupFilters() {
    const uniq = (key) => [...new Set(data.docs.map((d) => d[key]))].sort();
    options($("f-outlet"), uniq("o"));
    options($("f-lang"), uniq("l"));
    options($("f-rule"), data.rules.map((r) => r[0]));
    options($("f-category"), data.categories.map((c) => c[0]));
    for (const key of ["outlet", "lang", "rule", "category"]) {
      $("f-" + key).addEventListener("change", (e) => { filters[key] = e.target.value; renderLists(); });
    }
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    let timer = null;
    $("f-q").addEventListener("input", (e) => {
      clearTimeout(timer);
      timer = setTimeout(() => { filters.q = e.target.value.toLowerCase(); renderLists(); }, 150);
    });
    $("f-reset").addEventListener("click", () => {
      Object.keys(filters).forEach((k) => { filters[k] = ""; $("f-" + k).value = ""; });
      renderLists();
    });
  }

  function setFilter(kind, value, section) {
    filters[kind] = value;
    const select = $("f-" + kind);
    if (![...select.options].some((o) => o.value === value)) select.append(el("option", { value: value }, value));
    select.value = value;
    renderLists();
    $(section).scrollIntoView();
    const first = $(section).querySelector("button.open");
    if (first) first.focus({ preventScroll: true });
  }

  const entryRules = (entry) => (entry.length === 3 ? [entry[2]] : Array.isArray(entry[1]) ? entry[1].filter(Array.isArray).flatMap((p) => p[2]) : []);
  const entryText = (entry) => (Array.isArray(entry[1]) ? entry[1].map((p) => (typeof p === "string" ? p : p[0] + " " + p[1])).join("") : entry[1]);

  function ruleMatches(rule) {
    return (!filters.rule || rule === filters.rule) && (!filters.category || categoryOf.get(rule) === filters.category);
  }

  function docMatches(doc) {
    if ((filters.outlet && doc.o !== filters.outlet) || (filters.lang && doc.l !== filters.lang)) return false;
    if ((filters.rule || filters.category) && !doc.v.some((e) => entryRules(e).some(ruleMatches))) return false;
    return !filters.q || doc.id.toLowerCase().includes(filters.q) || doc.v.some((e) => entryText(e).toLowerCase().includes(filters.q));
  }

  // ---- lists ------------------------------------------------------------------------
  function renderLists() {
    const docs = data.docs.filter(docMatches);
    const active = Object.values(filters).some(Boolean);
    $("filter-count").textContent = active ? `${num(docs.length)} of ${num(data.docs.length)} documents on this page match` : "";
    renderLines(docs);
    const suspicious = docs.filter((d) => d.f.length).sort((a, b) => b.f.length - a.f.length || b.s - a.s || a.n - b.n);
    renderDocList("list-suspicious", suspicious);
    renderDocList("list-documents", docs);
  }

  function removedItems(docs) {
    const items = [];
    for (const doc of docs) {
      doc.v.forEach((entry, at) => {
        const rules = entryRules(entry);
        if (!rules.length || !rules.some(ruleMatches)) return;
        if (filters.q && !entryText(entry).toLowerCase().includes(filters.q) && !doc.id.toLowerCase().includes(filters.q)) return;
        items.push([doc, entry, at]);
      });
    }
    return items;
  }

  function renderLines(docs) {
    const items = removedItems(docs);
    $("lines-count").textContent = `${num(items.length)} removed lines and edited lines in the ${num(docs.length)} matching documents on this page`;
    paged($("list-lines"), items, ([doc, entry, at]) => el("li", {},
      el("button", { type: "button", class: "open", onclick: (e) => openDoc(doc, at, e.currentTarget), title: "open the document at this line" },
        el("span", { class: "rule" }, entryRules(entry).join(", ")), " ",
        el("span", { class: "where" }, `${doc.o} · ${doc.id}`), " ",
        lineContent(entry, false))));
  }

  function renderDocList(id, docs) {
    $(id + "-count").textContent = `${num(docs.length)} documents`;
    paged($(id), docs, (doc) => el("li", {},
      el("button", { type: "button", class: "open", onclick: (e) => openDoc(doc, firstMatch(doc), e.currentTarget) },
        ...doc.f.map((f) => el("span", { class: "flag flag-" + f }, f)), " ",
        el("span", { class: "docid" }, doc.id), " ",
        el("span", { class: "where" }, `${doc.o} · ${doc.l} · ${pct(doc.t[COL.wordsRemoved - 1], doc.t[COL.words - 1])} of tokens removed · ${num(doc.t[COL.removed - 1])} of ${num(doc.t[COL.lines - 1])} lines`))));
  }

  function firstMatch(doc) {
    const at = doc.v.findIndex((e) => (filters.q && entryText(e).toLowerCase().includes(filters.q)) || entryRules(e).some((r) => (filters.rule || filters.category) && ruleMatches(r)));
    return at < 0 ? null : at;
  }

  function paged(list, items, render, shown = PAGE) {
    list.replaceChildren(...items.slice(0, shown).map(render));
    if (items.length > shown) {
      const more = el("button", { type: "button", class: "more", onclick: () => { paged(list, items, render, shown + PAGE); } }, `Show ${num(Math.min(PAGE, items.length - shown))} more of ${num(items.length - shown)}`);
      list.append(el("li", { class: "more" }, more));
    }
    currentList = items;
  }

  // ---- document view ----------------------------------------------------------------
  const visible = (s) => (s === "" ? "∅" : s.replace(/ /g, "␣").replace(/\t/g, "⇥"));

  function lineContent(entry, tagged = true) {
    if (entry.length === 3) {
      const tag = tagged ? el("span", { class: "tag" }, entry[2] + " · " + (categoryOf.get(entry[2]) || "")) : null;
      return el("span", { class: "removed" }, el("del", {}, entry[1]), " ", tag);
    }
    if (!Array.isArray(entry[1])) return el("span", { class: "kept" }, entry[1]);
    return el("span", { class: "kept" }, ...entry[1].map((p) => (typeof p === "string" ? p
      : el("span", { class: "edit", title: p[2].join(", ") }, el("del", {}, visible(p[0])), " -> ", el("ins", {}, visible(p[1])), el("span", { class: "tag" }, p[2].join(", "))))));
  }

  function renderDoc(doc, at) {
    $("doc-title").textContent = doc.id;
    const url = doc.url && /^https?:\/\//i.test(doc.url) ? el("a", { href: doc.url, rel: "noopener noreferrer" }, doc.url) : doc.url;
    const t = doc.t;
    $("doc-meta").replaceChildren(
      url || "", url ? " · " : "", `outlet ${doc.o} · language ${doc.l} · ${num(t[2])} of ${num(t[1])} lines removed · `,
      `${num(t[4])} of ${num(t[3])} tokens removed (${pct(t[4], t[3])}) · ${num(t[5])} edits`,
      ...doc.f.map((f) => el("span", { class: "flag flag-" + f }, f)));
    const notes = [];
    if (doc.a) notes.push("The results do not say where the kept lines stood (no kept_lines): removed lines are placed approximately.");
    if (doc.x) notes.push(`${num(doc.x)} more lines are not shown: the page carries the first ${num(40000)} characters of a document.`);
    $("doc-notes").textContent = notes.join(" ");
    $("doc-lines").replaceChildren(...doc.v.map((entry, i) => el("li", { class: (entry.length === 3 ? "line removed" : "line") + (i === at ? " target" : ""), value: entry[0] }, lineContent(entry))));
  }

  function openDoc(doc, at, from) {
    opener = from || document.activeElement;
    renderDoc(doc, at);
    $("docview").hidden = false;
    document.body.classList.add("doc-open");
    $("doc-close").focus({ preventScroll: true });
    const target = $("doc-lines").querySelector(".target");
    if (target) target.scrollIntoView({ block: "center" });
    else $("docview").querySelector(".panel").scrollTop = 0;
  }

  function closeDoc() {
    $("docview").hidden = true;
    document.body.classList.remove("doc-open");
    if (opener) opener.focus();
  }

  // ---- page ---------------------------------------------------------------------------
  function renderNotes() {
    const total = data.total[0], carried = data.docs.length;
    $("meta").textContent = `${data.source} · ${num(total)} documents · generated ${data.generated} by cleaner ${data.version}`;
    const notes = [];
    if (carried < total) {
      notes.push(`This page carries ${num(carried)} of ${num(total)} documents (${pct(carried, total)}): the most suspicious, up to 12 per rule, then a random sample, within a size budget. ` +
        "Overview, rules, outlet and language counts are over all documents; removed lines, suspicious documents, documents and filters are over the carried ones.");
    }
    const skipped = Object.entries(data.skipped);
    if (skipped.length) notes.push(`Skipped lines of the results file: ${skipped.map(([why, n]) => `${num(n)} ${why}`).join("; ")}.`);
    if (data.approximate) notes.push(`${num(data.approximate)} documents do not say where their kept lines stood (no kept_lines): their removed lines are placed approximately.`);
    if (data.rules_more) notes.push(`The rules table lists the ${num(data.rules.length)} rules that removed most; ${num(data.rules_more)} more are counted in the totals.`);
    $("notes").replaceChildren(...notes.map((n) => el("p", {}, n)));
    const th = data.thresholds;
    $("flag-help").textContent = `Flags: emptied / nearly-empty (fewer than ${th.nearly_empty_words} tokens left after removals), most-removed (at least ${Math.round(th.high_removed_share * 100)}% of tokens removed), long-line-removed (a removed line of ${th.long_line_chars} characters or more). ${num(data.flagged)} documents of ${num(total)} are flagged` +
      Object.entries(data.by_flag).map(([f, n]) => `; ${f} ${num(n)}`).join("") + ".";
  }

  function renderCandidates() {
    const groups = data.candidates;
    $("candidates-count").textContent = groups.length ? `${num(groups.length)} groups with lines kept in many of their documents` : "No kept line recurs often enough in any outlet or domain.";
    $("list-candidates").replaceChildren(...groups.map((g) => {
      const pre = el("pre", { class: "yaml", tabindex: "0" }, g.yaml);
      const copy = el("button", { type: "button", onclick: () => copyText(g.yaml, copy) }, "Copy YAML");
      return el("article", { class: "candidate" },
        el("h3", {}, `${g.by} ${g.group} · ${num(g.of)} documents` + (g.of > g.docs ? ` (lines counted in the first ${num(g.docs)})` : "")),
        el("table", { class: "candidate-lines" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "kept line (click: the documents with it)"), el("th", { scope: "col" }, "documents"), el("th", { scope: "col" }, "share"))),
          el("tbody", {}, ...g.lines.map(([text, n]) => el("tr", {},
            el("td", {}, el("button", { type: "button", class: "link", onclick: () => findLine(text) }, text)),
            el("td", {}, num(n)), el("td", {}, pct(n, g.docs)))))),
        el("details", {}, el("summary", {}, "Rule file as cleaner learn writes it"), copy, pre));
    }));
  }

  function findLine(text) {
    $("f-q").value = text;
    filters.q = text.toLowerCase();
    renderLists();
    $("documents").scrollIntoView();
  }

  function copyText(text, button) {
    const done = () => { button.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, () => selectNext(button));
    else selectNext(button);
  }

  function selectNext(button) {
    const range = document.createRange();
    range.selectNodeContents(button.nextElementSibling);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    button.textContent = "Selected: press Ctrl+C";
  }

  function keys(e) {
    if (e.key === "Escape" && !$("docview").hidden && data.mode !== "document") { closeDoc(); return; }
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (e.key === "/" && !typing) { e.preventDefault(); $("f-q").focus(); }
  }

  function main() {
    $("doc-close").addEventListener("click", closeDoc);
    document.addEventListener("keydown", keys);
    if (data.mode === "document") {
      document.body.classList.add("single");
      renderDoc(data.docs[0], null);
      $("docview").hidden = false;
      return;
    }
    renderNotes();
    renderOverview();
    renderRules();
    renderCandidates();
    setupFilters();
    renderLists();
    document.body.classList.add("ready");
  }

  main();
})();
