extension FindingsHTML {
    /// Filtering, sorting and paging of the problem cards, and following a matrix cell's link to its card.
    ///
    /// Without scripts every inline card is shown and every section keeps its `open` state; printing
    /// shows every inline card that passes the filters (or, for paged templates, the current page) and
    /// opens every agency.
    static let script = #"""
    (function () {
      "use strict";
      var d = document;
      var form = d.querySelector(".toolbar");
      if (form) form.hidden = false;
      var list = d.querySelector("ol.cards");
      var original = list ? Array.prototype.slice.call(list.children) : [];
      // Large reports keep cards in inert templates; gather them and let `show` move one page at a time into the list.
      var paged = d.querySelectorAll("template.cardpage").length > 0;
      d.querySelectorAll("template.cardpage").forEach(function (t) {
        original = original.concat(Array.prototype.slice.call(t.content.children));
      });
      var byId = new Map();
      original.forEach(function (c) { byId.set(c.id, c); });
      var size = list ? (parseInt(list.getAttribute("data-page-size"), 10) || 50) : 50;
      var visible = original, page = 0, sortKey = "";
      var pager = d.querySelector(".pager"), shown = d.querySelector(".shown"), pageno = d.querySelector(".pageno");
      var fa = d.getElementById("fa"), fs = d.getElementById("fs"), so = d.getElementById("so");
      function fill(el, a, b) {
        if (el) el.textContent = el.getAttribute("data-template").replace("-1", String(a)).replace("-2", String(b));
      }
      function hasToken(el, v) {
        return !v || (" " + el.getAttribute("data-a") + " ").indexOf(" " + v + " ") >= 0;
      }
      function show() {
        var pages = Math.max(1, Math.ceil(visible.length / size));
        page = Math.min(Math.max(page, 0), pages - 1);
        var from = page * size, to = from + size, onPage = new Set(visible.slice(from, to));
        if (paged) {
          list.replaceChildren.apply(list, visible.slice(from, to));
        } else {
          for (var i = 0; i < original.length; i++) original[i].hidden = !onPage.has(original[i]);
        }
        if (pager) {
          pager.hidden = pages < 2;
          fill(pageno, page + 1, pages);
          pager.querySelector("[data-step='-1']").disabled = page === 0;
          pager.querySelector("[data-step='1']").disabled = page === pages - 1;
        }
        fill(shown, onPage.size, visible.length);
      }
      function apply() {
        var a = fa ? fa.value : "", s = fs ? fs.value : "", k = so ? so.value : "";
        if (list && k !== sortKey) {
          sortKey = k;
          var sorted = original.slice();
          var n = function (x) { return +x.getAttribute("data-n"); };
          if (k === "d") sorted.sort(function (x, y) { return (+y.getAttribute("data-d")) - (+x.getAttribute("data-d")) || n(x) - n(y); });
          if (k === "a") sorted.sort(function (x, y) {
            var p = x.getAttribute("data-a"), q = y.getAttribute("data-a");
            return p < q ? -1 : p > q ? 1 : n(x) - n(y);
          });
          if (!paged) {
            var frag = d.createDocumentFragment();
            sorted.forEach(function (c) { frag.appendChild(c); });
            list.appendChild(frag);
          }
          original = sorted;
        }
        visible = original.filter(function (c) { return hasToken(c, a) && (!s || c.getAttribute("data-p") === s); });
        d.querySelectorAll("details.agency").forEach(function (x) { x.hidden = !hasToken(x, a); });
        if (s) d.body.setAttribute("data-fs", s); else d.body.removeAttribute("data-fs");
        page = 0;
        show();
      }
      function reveal() {
        var id = decodeURIComponent(location.hash.slice(1));
        var card = id ? byId.get(id) : null;
        if (!card) return;
        var at = visible.indexOf(card);
        if (at < 0) {
          if (fa) fa.value = "";
          if (fs) fs.value = "";
          apply();
          at = visible.indexOf(card);
        }
        page = Math.floor(at / size);
        show();
        card.scrollIntoView();
      }
      [fa, fs, so].forEach(function (el) { if (el) el.addEventListener("change", apply); });
      if (form) form.addEventListener("submit", function (ev) { ev.preventDefault(); });
      if (pager) pager.addEventListener("click", function (ev) {
        var step = ev.target.getAttribute && ev.target.getAttribute("data-step");
        if (!step) return;
        page += parseInt(step, 10);
        show();
        list.scrollIntoView();
      });
      var closed = [];
      window.addEventListener("beforeprint", function () {
        if (!paged) visible.forEach(function (c) { c.hidden = false; });
        closed = Array.prototype.filter.call(d.querySelectorAll("details.agency"), function (x) { return !x.open; });
        closed.forEach(function (x) { x.open = true; });
      });
      window.addEventListener("afterprint", function () {
        closed.forEach(function (x) { x.open = false; });
        show();
      });
      window.addEventListener("hashchange", reveal);
      apply();
      reveal();
    })();
    """#
}
