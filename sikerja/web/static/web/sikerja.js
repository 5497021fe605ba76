// Small page behaviours, delegated from the document so the pages carry no inline script
// (the Content-Security-Policy allows scripts from this site only, never inline or eval).
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-tree-toggle], [data-print], [data-remove-row], [data-make-ketua]");
    if (!t) return;
    if (t.hasAttribute("data-tree-toggle")) {
      // The organisation tree: the first click loads the children (htmx), later clicks fold them.
      var list = t.closest("li").querySelector(":scope > ul");
      var open = t.getAttribute("aria-expanded") === "true";
      t.setAttribute("aria-expanded", open ? "false" : "true");
      t.textContent = open ? "+" : "\u2212";
      if (t.dataset.loaded && list) list.hidden = open;
      t.dataset.loaded = "1";
    } else if (t.hasAttribute("data-print")) {
      window.print();
    } else if (t.hasAttribute("data-remove-row")) {
      t.closest("tr").remove();
    } else if (t.hasAttribute("data-make-ketua")) {
      // One ketua per team: the others become anggota, the chosen one ketua.
      document.querySelectorAll("#member-rows select[name^=role_]").forEach(function (s) {
        if (s.value === "ketua") s.value = "anggota";
      });
      var chosen = document.getElementById("role_" + t.dataset.makeKetua);
      if (chosen) chosen.value = "ketua";
    }
  });
  // "Lainnya" in the main menu closes on a click elsewhere or on Escape, as a menu does.
  document.addEventListener("click", function (ev) {
    var open = document.querySelector("details.navmore[open]");
    if (open && !open.contains(ev.target)) open.removeAttribute("open");
  });
  document.addEventListener("keydown", function (ev) {
    var open = document.querySelector("details.navmore[open]");
    if (ev.key === "Escape" && open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.matches("[data-autosubmit]")) ev.target.form.submit();
  });
  // A candidate added to the list: its button says so and cannot add them twice.
  document.addEventListener("htmx:afterRequest", function (ev) {
    var b = ev.detail.elt;
    if (b && b.hasAttribute && b.hasAttribute("data-added-label") && ev.detail.successful) {
      b.disabled = true;
      b.textContent = b.dataset.addedLabel;
    }
  });
})();
