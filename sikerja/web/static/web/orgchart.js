// Org chart: collapse/expand branches, zoom, drag to pan. No dependencies.
(function () {
  const wrap = document.getElementById("orgchart-wrap");
  const chart = document.getElementById("orgchart");
  if (!wrap || !chart) return;
  let scale = 1;
  const setScale = (s) => { scale = Math.min(2, Math.max(0.3, s)); chart.style.transform = "scale(" + scale + ")"; };
  const setOpen = (li, open) => {
    li.classList.toggle("collapsed", !open);
    const box = li.querySelector(":scope > .orgnode");
    if (box) box.classList.toggle("collapsed", !open);
    const btn = li.querySelector(":scope > .orgnode [data-toggle]");
    if (btn) {
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      btn.textContent = (open ? "▾ " : "▸ ") + btn.dataset.count;
    }
  };
  chart.addEventListener("click", (ev) => {
    const btn = ev.target.closest("[data-toggle]");
    if (!btn) return;
    const li = btn.closest("li");
    setOpen(li, li.classList.contains("collapsed"));
  });
  document.querySelectorAll("[data-chart]").forEach((b) => b.addEventListener("click", () => {
    const what = b.dataset.chart;
    if (what === "zoom-in") setScale(scale + 0.1);
    if (what === "zoom-out") setScale(scale - 0.1);
    if (what === "expand" || what === "collapse") {
      chart.querySelectorAll("li").forEach((li) => { if (li.querySelector(":scope > ul")) setOpen(li, what === "expand"); });
    }
  }));
  let drag = null;
  wrap.addEventListener("mousedown", (ev) => {
    if (ev.target.closest("a,button")) return;
    drag = { x: ev.clientX, y: ev.clientY, left: wrap.scrollLeft, top: wrap.scrollTop };
  });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    wrap.scrollLeft = drag.left - (ev.clientX - drag.x);
    wrap.scrollTop = drag.top - (ev.clientY - drag.y);
  });
})();
