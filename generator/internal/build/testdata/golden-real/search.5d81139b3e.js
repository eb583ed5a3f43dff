// Search for the search page, with Pagefind's index (built after the site by
// `npx pagefind --site public`). The page works without this file: the form
// reloads the page, which says search needs JavaScript and links to the summary.
// Everything here runs from the site's own files, so the page keeps a
// Content-Security-Policy without 'unsafe-inline'; Pagefind's WebAssembly needs
// only 'wasm-unsafe-eval'.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !status || !list || !window.URLSearchParams || !window.DOMParser) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var msg = form.dataset;
  var maxResults = 20;
  var pagefind = null;
  var latest = 0;
  var summaryLink = status.querySelector("a");

  function say(text, withSummaryLink) {
    status.textContent = text;
    if (withSummaryLink && summaryLink) {
      status.append(" ", summaryLink);
    }
  }

  // excerpt copies Pagefind's excerpt, which is HTML with <mark> around the
  // words found, keeping only text and <mark>: nothing in it can run.
  function excerpt(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeType === Node.TEXT_NODE) {
        p.append(n.textContent);
      } else if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        p.append(m);
      } else {
        p.append(n.textContent || "");
      }
    });
    return p;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(msg.index + "pagefind.js").then(function (pf) {
        // Result addresses start at the site's base path, which may be a
        // sub-path (https://org.github.io/repo/). Searching an index this
        // size takes milliseconds, so the main thread does it, and a phone
        // does not download Pagefind's worker script (43 KB) as well.
        return pf.options({ baseUrl: msg.base, noWorker: true }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function search(q) {
    var id = ++latest;
    var total = 0;
    var url = new URL(location.href);
    if (q) {
      url.searchParams.set("q", q);
    } else {
      url.searchParams.delete("q");
    }
    history.replaceState(null, "", url);
    list.replaceChildren();
    if (!q) {
      say("", false);
      return;
    }
    say(msg.loading, false);
    load().then(function (pf) {
      return pf.search(q);
    }).then(function (res) {
      total = res.results.length;
      return Promise.all(res.results.slice(0, maxResults).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (id !== latest) {
        return; // a newer search has started
      }
      pages.forEach(function (d) {
        var li = document.createElement("li");
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = d.url;
        a.textContent = (d.meta && d.meta.title) || d.url;
        h.append(a);
        li.append(h, excerpt(d.excerpt));
        list.append(li);
      });
      say(total ? msg.results.replace("{n}", String(total)) : msg.none, total === 0);
    }).catch(function () {
      if (id === latest) {
        say(msg.unavailable, true);
      }
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, 250);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value.trim());
  });
  say("", false);
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    search(q.trim());
  }
})();
