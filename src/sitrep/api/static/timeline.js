// The timeline: events per day (top) and fatalities per day (bottom), as SVG bars.
// A click on a day's bar filters the dashboard to that day.

import { clear, el, svg } from "./common.js";

const W = 560, H = 250, LEFT = 12, RIGHT = 8, PANEL = 80, GAP = 36, TOP = 20;

export function drawTimeline(container, days, undated, onDay) {
  clear(container);
  if (!days.length) {
    container.appendChild(el("p", { class: "hint" }, "No dated event in this view."));
    return;
  }
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline-svg", role: "img", "aria-label": "events and fatalities per day" });
  const maxEvents = Math.max(1, ...days.map((d) => d.events));
  const maxDeaths = Math.max(1, ...days.map((d) => d.fatalities));
  const step = (W - LEFT - RIGHT) / days.length;
  const barW = Math.max(1, step * 0.8);
  const deathsTop = TOP + PANEL + GAP;
  root.appendChild(svg("text", { x: LEFT, y: TOP - 6, class: "axis-label" }, `events per day (max ${maxEvents})`));
  root.appendChild(svg("text", { x: LEFT, y: deathsTop - 6, class: "axis-label" }, `killed per day, best estimates (max ${maxDeaths})`));
  root.appendChild(svg("line", { x1: LEFT, y1: TOP + PANEL, x2: W - RIGHT, y2: TOP + PANEL, class: "axis" }));
  root.appendChild(svg("line", { x1: LEFT, y1: deathsTop + PANEL, x2: W - RIGHT, y2: deathsTop + PANEL, class: "axis" }));
  const every = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((d, i) => {
    const x = LEFT + i * step + (step - barW) / 2;
    const eh = PANEL * d.events / maxEvents;
    const dh = PANEL * d.fatalities / maxDeaths;
    const group = svg("g", { class: "day", "data-date": d.date, tabindex: 0, role: "button" });
    group.appendChild(svg("rect", { x: x.toFixed(1), y: (TOP + PANEL - eh).toFixed(1), width: barW.toFixed(1), height: eh.toFixed(1), class: "bar-events" }));
    group.appendChild(svg("rect", { x: x.toFixed(1), y: (deathsTop + PANEL - dh).toFixed(1), width: barW.toFixed(1), height: dh.toFixed(1), class: "bar-deaths" }));
    // an invisible full-height target, so that days with no bar can be hovered and clicked too
    group.appendChild(svg("rect", { x: (LEFT + i * step).toFixed(1), y: TOP, width: step.toFixed(1), height: deathsTop + PANEL - TOP, class: "hit" }));
    group.appendChild(svg("title", {}, `${d.date}: ${d.events} event(s), ${d.fatalities} killed (best estimates)`));
    if (onDay) {
      group.addEventListener("click", () => onDay(d.date));
      group.addEventListener("keydown", (e) => { if (e.key === "Enter") onDay(d.date); });
    }
    root.appendChild(group);
    if (i % every === 0) {
      root.appendChild(svg("text", { x: (LEFT + i * step + step / 2).toFixed(1), y: H - 6, class: "tick" }, d.date.slice(5)));
    }
  });
  container.appendChild(root);
  const note = `${days[0].date} to ${days[days.length - 1].date}` + (undated ? `; ${undated} undated event(s) not shown` : "");
  container.appendChild(el("p", { class: "hint" }, note));
}
