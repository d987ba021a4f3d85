// learnpath report: draws the page from the JSON in #lp-data. No network, no libraries.
"use strict";
(function () {
  const DAY = 86400000;
  const data = JSON.parse(document.getElementById("lp-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function minutes(total) {
    const h = Math.floor(total / 60), m = total % 60;
    if (h === 0) return m + " min";
    return m === 0 ? h + " h" : h + " h " + m + " min";
  }
  const time = (date) => Date.parse(date + "T00:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const monday = (ms) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const short = (ms) => new Date(ms).getUTCDate() + " " + MONTHS[new Date(ms).getUTCMonth()];
  const title = (entry) =>
    entry.link ? el("a", { href: entry.link }, entry.title) : el("span", {}, entry.title);
  const count = (n, word) => n + " " + word + (n === 1 ? "" : "s");
  const part = (entry) => (entry.part ? " · part " + entry.part : "");
  // A review of a document studied before is marked so, before its title.
  const review = (entry) => (entry.review ? el("span", { class: "review" }, "review: ") : null);
  // "25 of 55 min done" for a partly done document ("25 min of 1 h 30 min done" past an hour).
  const partly = (entry) => {
    const p = entry.partly;
    if (!p) return "";
    const whole = minutes(p.document_minutes);
    const done = p.document_minutes < 60 ? String(p.done_minutes) : minutes(p.done_minutes);
    return " · " + done + " of " + whole + " done";
  };

  function summary() {
    const s = data.summary;
    const cards = [
      ["To study", count(s.documents, "document") + ", " + minutes(s.planned_minutes)],
      ["Sittings", s.sessions + " over " + count(s.weeks, "week")],
      ["Dates", s.first_date ? s.first_date + " → " + s.finish_date : "nothing left"],
      ["Done", count(s.done_documents, "document") + ", " + minutes(s.done_minutes)],
    ];
    if (s.reviews) cards.splice(1, 0, ["Reviews", count(s.reviews, "review") + ", " + minutes(s.review_minutes)]);
    if (data.forecast) {
      const f = data.forecast;
      cards.push(["Likely finish", f.p50 + " (P10 " + f.p10 + ", P90 " + f.p90 + ")"]);
    }
    const base = data.progress.baseline;
    if (base && base.finish) cards.push(["Followed plan finishes", base.finish]);
    const box = document.getElementById("lp-summary");
    for (const [label, value] of cards) box.append(el("div", { class: "card" }, label, el("b", {}, value)));
    const notes = document.getElementById("lp-notes");
    for (const note of data.notes) notes.append(el("li", {}, note));
  }

  function calendar() {
    const days = new Map();
    const add = (date, node) => {
      if (!days.has(date)) days.set(date, []);
      days.get(date).push(node);
    };
    const today = time(data.today);
    for (const s of data.sessions) {
      const list = el("ul", {}, s.items.map((i) => el("li", {}, review(i), title(i), el("span", { class: "tag" }, " " + minutes(i.minutes) + part(i)))));
      const future = time(s.date) > today ? " future" : "";
      add(s.date, el("div", { class: "sitting" + future, "data-session": s.number },
        el("div", { class: "what" }, "#" + s.number + " · " + minutes(s.minutes)), list));
    }
    const first = data.sessions.length ? time(data.sessions[0].date) : today;
    for (const d of data.done) {
      if (d.date && time(d.date) >= first - 56 * DAY) {
        add(d.date, el("div", { class: "done-doc" }, "✓ ", title(d)));
      }
    }
    const blocked = new Map(data.blocked.map((b) => [b.date, b]));
    const last = data.sessions.length ? time(data.sessions[data.sessions.length - 1].date) : today;
    const near = today >= first - 56 * DAY && today <= last + 56 * DAY;
    const dates = [...days.keys(), ...blocked.keys(), ...(near ? [data.today] : [])].map(time);
    if (!dates.length) dates.push(today);
    const start = monday(Math.min(...dates));
    const end = monday(Math.max(...dates)) + 6 * DAY;
    const grid = document.getElementById("lp-calendar");
    grid.append(el("div", { class: "head" }, "Week"));
    for (const name of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) grid.append(el("div", { class: "head" }, name));
    for (let week = start; week <= end; week += 7 * DAY) {
      grid.append(el("div", { class: "week" }, short(week)));
      for (let day = week; day < week + 7 * DAY; day += DAY) {
        const date = iso(day);
        const block = blocked.get(date);
        const classes = ["day"];
        if (day === today) classes.push("today");
        if (block) classes.push("blocked");
        const label = [short(day)];
        if (day === today) label.push("today");
        if (block) label.push(block.by === "skip" ? "skipped" : "busy");
        grid.append(el("div", { class: classes.join(" "), "data-date": date, title: date },
          el("div", { class: "num" }, label.join(" · ")), days.get(date) || []));
      }
    }
  }

  function chart() {
    const p = data.progress;
    const W = 900, H = 300, L = 56, R = 16, T = 20, B = 34;
    const dates = [data.today, ...p.planned.map((x) => x.date), ...p.done.map((x) => x.date)];
    if (p.baseline) dates.push(...p.baseline.points.map((x) => x.date));
    if (data.forecast) dates.push(data.forecast.p10, data.forecast.p90);
    const x0 = Math.min(...dates.map(time)), x1 = Math.max(...dates.map(time)) + DAY;
    const top = 1.08 * Math.max(60, p.total_minutes, ...(p.baseline ? p.baseline.points.map((x) => x.minutes) : [0]));
    const X = (date) => L + ((time(date) - x0) / (x1 - x0)) * (W - L - R);
    const Y = (m) => T + (1 - m / top) * (H - T - B);
    const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Planned and done minutes over time" });
    const hours = Math.max(1, Math.ceil(top / 60 / 5));
    for (let h = 0; h * 60 <= top; h += hours) {
      box.append(svg("line", { class: "grid", x1: L, x2: W - R, y1: Y(h * 60), y2: Y(h * 60) }));
      box.append(svg("text", { x: L - 6, y: Y(h * 60) + 4, "text-anchor": "end" }, h + " h"));
    }
    const step = Math.max(1, Math.ceil((x1 - x0) / DAY / 7 / 8)) * 7 * DAY;
    for (let t = monday(x0) + 7 * DAY; t < x1; t += step) {
      const x = X(iso(t));
      box.append(svg("line", { class: "grid", x1: x, x2: x, y1: T, y2: H - B }));
      box.append(svg("text", { x, y: H - B + 16, "text-anchor": "middle" }, short(t)));
    }
    if (data.forecast) {
      const f = data.forecast;
      box.append(svg("rect", { class: "band", x: X(f.p10), y: T, width: Math.max(2, X(f.p90) - X(f.p10) + (W - L - R) * DAY / (x1 - x0)), height: H - T - B }));
      box.append(svg("line", { class: "p50", x1: X(f.p50), x2: X(f.p50), y1: T, y2: H - B }));
    }
    const line = (points, cls, stepped) => {
      if (!points.length) return;
      let d = "M" + X(points[0].date) + "," + Y(points[0].minutes);
      for (let i = 1; i < points.length; i++) {
        if (stepped) d += " L" + X(points[i].date) + "," + Y(points[i - 1].minutes);
        d += " L" + X(points[i].date) + "," + Y(points[i].minutes);
      }
      box.append(svg("path", { class: cls, d }));
    };
    line(p.baseline ? p.baseline.points : [], "baseline", false);
    if (p.baseline && p.baseline.finish) {
      const end = p.baseline.points[p.baseline.points.length - 1];
      box.append(svg("text", { x: X(end.date) + 4, y: Y(end.minutes) + 14 }, "followed plan: " + p.baseline.finish));
    }
    line(p.planned, "planned", false);
    line(p.done.length ? [...p.done, { date: data.today, minutes: p.done[p.done.length - 1].minutes }] : [], "donel", true);
    box.append(svg("line", { class: "grid", x1: L, x2: W - R, y1: Y(p.total_minutes), y2: Y(p.total_minutes), "stroke-dasharray": "2 3" }));
    box.append(svg("text", { x: W - R - 4, y: Y(p.total_minutes) - 4, "text-anchor": "end" }, "all: " + minutes(p.total_minutes)));
    box.append(svg("line", { class: "todayl", x1: X(data.today), x2: X(data.today), y1: T, y2: H - B }));
    box.append(svg("text", { x: X(data.today) + 4, y: T + 10 }, "today"));
    document.getElementById("lp-chart").append(box);
  }

  function graph() {
    const picture = document.querySelector("#lp-graph svg");
    if (!picture) return;
    const n = data.graph.nodes.length;
    const out = Array.from({ length: n }, () => []), into = Array.from({ length: n }, () => []);
    for (const [a, b] of data.graph.edges) { out[a].push(b); into[b].push(a); }
    const walk = (starts, next) => {
      const seen = new Set(starts), todo = [...starts];
      while (todo.length) for (const m of next[todo.pop()]) if (!seen.has(m)) { seen.add(m); todo.push(m); }
      return seen;
    };
    const targets = data.graph.nodes.map((node, i) => (node.target ? i : -1)).filter((i) => i >= 0);
    const leadsToTarget = walk(targets, into);
    let pinned = null;
    const show = (node) => {
      picture.classList.toggle("highlighting", node !== null);
      const path = node === null ? new Set() : walk([node], out);
      for (const i of [...path]) if (!leadsToTarget.has(i) && i !== node) path.delete(i);
      for (const g of picture.querySelectorAll(".doc")) {
        const i = Number(g.dataset.node);
        g.classList.toggle("on-path", path.has(i));
        g.classList.toggle("picked", i === node);
      }
      for (const e of picture.querySelectorAll(".edge")) {
        e.classList.toggle("on-path", path.has(Number(e.dataset.from)) && path.has(Number(e.dataset.to)));
      }
    };
    for (const g of picture.querySelectorAll(".doc")) {
      const i = Number(g.dataset.node);
      g.addEventListener("mouseenter", () => pinned === null && show(i));
      g.addEventListener("mouseleave", () => pinned === null && show(null));
      g.addEventListener("click", () => { pinned = pinned === i ? null : i; show(pinned); });
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") { pinned = pinned === i ? null : i; show(pinned); } });
    }
  }

  function checklist() {
    const list = document.getElementById("lp-checklist");
    if (data.done.length) {
      list.append(el("li", { class: "sitting-row" }, el("b", {}, "Done"),
        el("ul", {}, data.done.map((d) => el("li", {}, el("span", { class: "box" }, "☑"), title(d),
          el("span", { class: "tag" }, " " + minutes(d.minutes) + (d.date ? " · done " + d.date : "")))))));
    }
    for (const s of data.sessions) {
      list.append(el("li", { class: "sitting-row", "data-date": s.date },
        el("b", {}, "Session " + s.number + " — " + s.weekday + " " + s.date), el("span", { class: "tag" }, " " + s.iso_week + " · " + minutes(s.minutes)),
        el("ul", {}, s.items.map((i) => el("li", {}, el("span", { class: "box" }, "☐"), review(i), title(i),
          el("span", { class: "tag" }, " " + minutes(i.minutes) + part(i) + partly(i) + " · " + i.path))))));
    }
  }

  function milestones() {
    const body = document.getElementById("lp-milestones");
    if (!data.milestones.length) body.append(el("tr", {}, el("td", { colspan: 3, class: "muted" }, "No milestones in this plan.")));
    for (const m of data.milestones) {
      const when = !m.reached ? "not reached by this plan" : m.session ? "session " + m.session + ", " + m.date : "reached before the plan";
      body.append(el("tr", {}, el("td", {}, m.label), el("td", {}, m.section), el("td", {}, when)));
    }
  }

  summary();
  calendar();
  chart();
  graph();
  checklist();
  milestones();
  document.body.append(el("div", { id: "lp-ok", hidden: "" }));
})();
