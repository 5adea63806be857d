// The Kamaelia inspector page: draws the pictures the server pushes (Server-Sent Events).
// It only displays: text goes in with textContent, nothing from the system is run.
"use strict";

const boxesRoot = document.getElementById("boxes");
const linksSvg = document.getElementById("links");
const graph = document.getElementById("graph");
const SVG = "http://www.w3.org/2000/svg";
let signature = "";
let cards = new Map();   // component id -> {el, state, err, where, restarts}
let boxes = new Map();   // "id|in|name" or "id|out|name" -> {el, fill, depth, rate}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function shortName(name) {
  return name.split(".").pop();
}

function boxRow(comp, box, kind) {
  const row = el("tr");
  row.appendChild(el("td", "box", (kind === "in" ? "\u25b6 " : "") + box.name + (kind === "out" ? " \u25b6" : "")));
  const bar = el("div", "bar"), fill = el("div", "fill");
  bar.appendChild(fill);
  const barCell = el("td");
  if (kind === "in") barCell.appendChild(bar);
  row.appendChild(barCell);
  const depth = el("td", "depth");
  const rate = el("td", "rate");
  row.append(depth, rate);
  boxes.set(`${comp.id}|${kind}|${box.name}`, {el: row, fill, depth, rate});
  return row;
}

function heading(comp) {
  const title = el("div", "title");
  const name = el("span", "name", shortName(comp.name));
  name.title = `${comp.name} (id ${comp.id})`;
  const restarts = el("span", "state restarts");
  restarts.hidden = true;
  return {title, name, state: el("span", "state"), restarts};
}

function card(comp) {
  const c = el("div", "card");
  c.dataset.id = comp.id;
  const {title, name, state, restarts} = heading(comp);
  title.append(name, restarts, state);
  const err = el("div", "err"), where = el("div", "where");
  const table = el("table", "boxes");
  for (const b of comp.inboxes) table.appendChild(boxRow(comp, b, "in"));
  for (const b of comp.outboxes) table.appendChild(boxRow(comp, b, "out"));
  c.append(title, err, where, table);
  cards.set(comp.id, {el: c, state, err, where, restarts});
  return c;
}

function group(comp, byId) {
  const g = el("div", "group");
  const {title, name, state, restarts} = heading(comp);
  const chips = el("span", "chips");
  for (const [kind, list] of [["in", comp.inboxes], ["out", comp.outboxes]]) {
    for (const b of list) {
      const chip = el("span", "chip", b.name);
      chips.appendChild(chip);
      boxes.set(`${comp.id}|${kind}|${b.name}`, {el: chip, fill: null, depth: null, rate: null});
    }
  }
  title.append(name, " ", state, restarts, chips);
  const err = el("div", "err"), where = el("div", "where");
  const members = el("div", "members");
  for (const child of comp.children) {
    if (byId.has(child)) members.appendChild(node(byId.get(child), byId));
  }
  g.append(title, err, members);
  cards.set(comp.id, {el: g, state, err, where, restarts});
  return g;
}

function node(comp, byId) {
  return comp.children.some((id) => byId.has(id)) ? group(comp, byId) : card(comp);
}

function rebuild(state) {
  cards = new Map();
  boxes = new Map();
  const byId = new Map(state.components.map((c) => [c.id, c]));
  const roots = state.components.filter((c) => c.parent === null || !byId.has(c.parent));
  boxesRoot.replaceChildren(...roots.map((c) => node(c, byId)));
}

function rateText(rate) {
  return rate ? `${rate}/s` : "";
}

function refresh(state) {
  const counts = {};
  for (const comp of state.components) {
    counts[comp.state] = (counts[comp.state] || 0) + 1;
    const view = cards.get(comp.id);
    if (!view) continue;
    view.state.textContent = comp.state;
    view.state.className = `state ${comp.state}`;
    view.el.classList.toggle("crashed", comp.state === "crashed");
    view.err.textContent = comp.error || "";
    view.where.textContent = comp.waiting_at ? `waits at ${comp.waiting_at.split("/").pop()}` : "";
    view.restarts.hidden = !comp.restarts;
    view.restarts.textContent = comp.restarts === 1 ? "1 restart" : `${comp.restarts} restarts`;
    for (const b of comp.inboxes) {
      const v = boxes.get(`${comp.id}|in|${b.name}`);
      if (!v || !v.depth) continue;
      v.depth.textContent = `${b.queued}/${b.size === null ? "\u221e" : b.size}`;
      v.rate.textContent = rateText(b.rate);
      const share = b.size ? b.queued / b.size : Math.min(b.queued / 100, 1);
      v.fill.style.width = `${Math.round(share * 100)}%`;
      v.fill.classList.toggle("full", b.size !== null && b.queued >= b.size);
    }
    for (const b of comp.outboxes) {
      const v = boxes.get(`${comp.id}|out|${b.name}`);
      if (v && v.rate) v.rate.textContent = rateText(b.rate);
    }
  }
  const parts = Object.entries(counts).map(([k, n]) => `${n} ${k}`);
  document.getElementById("summary").textContent =
    `${state.components.length} components: ${parts.join(", ")}; ${state.links.length} links`;
  drawLinks(state.links);
  showEnded(state.ended || []);
}

function anchor(key, side) {
  const v = boxes.get(key);
  if (!v) return null;
  const r = v.el.getBoundingClientRect(), g = graph.getBoundingClientRect();
  return {x: (side === "right" ? r.right : r.left) - g.left, y: r.top + r.height / 2 - g.top};
}

function drawLinks(links) {
  linksSvg.setAttribute("width", graph.scrollWidth);
  linksSvg.setAttribute("height", graph.scrollHeight);
  const drawn = [];
  for (const link of links) {
    const [sid, sbox] = link.source, [tid, tbox] = link.sink;
    const outward = link.passthrough === 2;  // a part's outbox to its container's outbox
    const from = anchor(`${sid}|${link.passthrough === 1 ? "in" : "out"}|${sbox}`, outward || link.passthrough === 0 ? "right" : "left");
    const to = anchor(`${tid}|${link.passthrough === 2 ? "out" : "in"}|${tbox}`, outward ? "right" : "left");
    if (!from || !to) continue;
    const path = document.createElementNS(SVG, "path");
    if (link.passthrough) {  // between a container and its part: a short straight line
      path.setAttribute("d", `M${from.x},${from.y} L${to.x},${to.y}`);
      path.setAttribute("class", "through");
    } else {
      const bend = Math.max(30, Math.abs(to.x - from.x) / 2);
      path.setAttribute("d", `M${from.x},${from.y} C${from.x + bend},${from.y} ${to.x - bend},${to.y} ${to.x},${to.y}`);
    }
    drawn.push(path);
    if (link.rate && !link.passthrough) {
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", (from.x + to.x) / 2);
      label.setAttribute("y", (from.y + to.y) / 2 - 3);
      label.textContent = `${link.rate}/s`;
      drawn.push(label);
    }
  }
  linksSvg.replaceChildren(...drawn);
}

function showEnded(ended) {
  const list = document.getElementById("ended");
  list.replaceChildren(...ended.slice(0, 30).map((e) => {
    const item = el("li", e.state, `${shortName(e.name)} ${e.state}${e.error ? ": " + e.error : ""}`);
    item.title = e.name;
    return item;
  }));
}

function update(state) {
  const sig = state.components.map((c) =>
    `${c.id}:${c.parent}:${c.children.join(",")}:${c.inboxes.map((b) => b.name).join(",")}:${c.outboxes.map((b) => b.name).join(",")}`
  ).join(";");
  if (sig !== signature) {
    signature = sig;
    rebuild(state);
  }
  refresh(state);
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

const status = document.getElementById("status");
const events = new EventSource("events");
events.onopen = () => { status.textContent = "live"; status.className = "status live"; };
events.onerror = () => { status.textContent = "reconnecting\u2026"; status.className = "status"; };
events.onmessage = (message) => update(JSON.parse(message.data));
