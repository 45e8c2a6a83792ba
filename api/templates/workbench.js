/* chipgraph workbench script: suggestions as you type, the write key kept
 * for this tab, the upload box and the curation buttons.  Served from the
 * package (the page's CSP allows no other script).  Every string that came
 * from the graph or an article is written with textContent, never as HTML. */
(function () {
  "use strict";
  var KEY_NAME = "chipgraph.writeKey";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function entityUrl(id) { return "/ui/entity?name=" + encodeURIComponent(id); }

  // -- the write key ---------------------------------------------------------
  function storedKey() {
    try { return window.sessionStorage.getItem(KEY_NAME) || ""; } catch (e) { return ""; }
  }
  function storeKey(key) {
    try {
      if (key) { window.sessionStorage.setItem(KEY_NAME, key); } else { window.sessionStorage.removeItem(KEY_NAME); }
    } catch (e) { /* storage refused: the key is asked again next time */ }
  }
  function writeHeaders() {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var key = storedKey();
    if (key) { headers["X-API-Key"] = key; }
    return headers;
  }
  function keyedServer() { return document.body.getAttribute("data-writes-keyed") === "yes"; }

  /* The key, asked for once per tab: from the key box when the page has one,
   * else with a prompt.  Empty when the server needs none. */
  function ensureKey() {
    var key = storedKey();
    if (key || !keyedServer()) { return key; }
    var box = document.getElementById("write-key");
    if (box && box.value.trim()) { key = box.value.trim(); }
    else { key = (window.prompt("This server needs a write key. Enter it (kept for this tab only):") || "").trim(); }
    storeKey(key);
    showKeyState();
    return key;
  }

  /* What a refused write means, in words an analyst can act on. */
  function explain(status, body, retryAfter) {
    var detail = body && typeof body.detail === "string" ? body.detail : "";
    if (status === 401) { storeKey(""); showKeyState(); return "This server needs a write key. Enter it in the key box (or when asked) and try again."; }
    if (status === 403) { storeKey(""); showKeyState(); return "The server refused that key. Check it and enter it again."; }
    if (status === 413) { return "Too large for this server: " + (detail || "the request body is over its limit") + "."; }
    if (status === 429) { return "Too many writes in a short time; try again in " + (retryAfter || "a few") + " seconds."; }
    if (status === 503) { return "The server is busy or its store is unreachable" + (detail ? ": " + detail : "") + (retryAfter ? " (retry in " + retryAfter + " s)" : "") + "."; }
    if (status === 404 && detail) { return "Not found: " + detail; }
    if (status === 409) { return "Refused: " + (detail || "this conflicts with the graph"); }
    if (status === 404 || status === 405) { return "This server has no such write route (" + status + ")."; }
    if (status === 422) { return "The server could not accept this: " + (detail || "invalid request"); }
    if (status === 0) { return "The server could not be reached."; }
    return "The server answered " + status + (detail ? ": " + detail : "") + ".";
  }

  function postJson(url, payload) {
    return fetch(url, { method: "POST", headers: writeHeaders(), body: JSON.stringify(payload), credentials: "same-origin" })
      .then(function (resp) {
        return resp.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
          return { ok: resp.ok, status: resp.status, body: body, retryAfter: resp.headers.get("Retry-After") };
        });
      }, function () { return { ok: false, status: 0, body: null, retryAfter: null }; });
  }

  function showKeyState() {
    var state = document.getElementById("key-state");
    if (!state) { return; }
    state.textContent = storedKey() ? "A key is kept for this tab." : (keyedServer() ? "No key yet." : "No key (none needed).");
  }

  function initKeyBox() {
    var save = document.getElementById("save-key");
    var forget = document.getElementById("forget-key");
    var box = document.getElementById("write-key");
    if (!save || !forget || !box) { return; }
    save.addEventListener("click", function () { storeKey(box.value.trim()); box.value = ""; showKeyState(); });
    forget.addEventListener("click", function () { storeKey(""); box.value = ""; showKeyState(); });
    showKeyState();
  }

  // -- suggestions as you type -------------------------------------------------
  function initSuggest(input) {
    var mode = input.getAttribute("data-suggest");
    var list = el("ul", "suggestions");
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("aria-autocomplete", "list");
    var timer = null, seq = 0, active = -1, items = [];

    function close() { list.hidden = true; active = -1; }
    function choose(entity) {
      if (mode === "go") { window.location.assign(entityUrl(entity.id)); return; }
      input.value = entity.name;
      close();
    }
    function highlight(i) {
      var lis = list.querySelectorAll("li.option");
      for (var k = 0; k < lis.length; k++) { lis[k].classList.toggle("active", k === i); }
      active = i;
    }
    function render(answer) {
      list.textContent = "";
      items = answer.entities || [];
      if (!items.length) { close(); return; }
      if (answer.close_spelling) { list.appendChild(el("li", "head", "No exact match. Close spellings:")); }
      items.forEach(function (entity, i) {
        var li = el("li", "option");
        li.setAttribute("role", "option");
        li.appendChild(el("span", "n", entity.name));
        li.appendChild(el("span", "t", entity.type));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(entity); });
        li.addEventListener("mouseenter", function () { highlight(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      active = -1;
    }
    function lookup() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      var mine = ++seq;
      fetch("/entities?limit=8&q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) { if (answer && mine === seq) { render(answer); } }, function () { close(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 120); });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) { return; }
      if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); choose(items[active]); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // -- the upload box ------------------------------------------------------------
  function formatOf(filename) {
    var lower = filename.toLowerCase();
    if (/\.(html?|xhtml)$/.test(lower)) { return "html"; }
    if (/\.(md|markdown)$/.test(lower)) { return "md"; }
    if (/\.txt$/.test(lower)) { return "txt"; }
    return "auto";
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = function () { reject(new Error("the file could not be read")); };
      reader.readAsText(file);
    });
  }

  function showResult(body) {
    var box = document.getElementById("upload-result");
    var summary = document.getElementById("upload-summary");
    var rels = document.getElementById("upload-relations");
    var ents = document.getElementById("upload-entities");
    summary.textContent = "";
    var n = (body.relations || []).length;
    summary.appendChild(document.createTextNode(
      (body.added ? "Stored: " + n + " relation" + (n === 1 ? "" : "s") + " read from this article"
                  : "This article was stored before; nothing was added") +
      " · language " + body.language + " · document "));
    summary.appendChild(el("code", "", body.document_id));
    summary.className = "ok";
    rels.textContent = "";
    (body.relations || []).forEach(function (r) {
      var li = el("li");
      var head = el("a", "entity", r.head_name); head.href = entityUrl(r.head);
      var tail = el("a", "entity", r.tail_name); tail.href = entityUrl(r.tail);
      li.appendChild(head);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "reltype", r.type));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(tail);
      rels.appendChild(li);
    });
    if (!rels.childNodes.length) { rels.appendChild(el("li", "empty", "No relation was read from this article.")); }
    ents.textContent = "";
    (body.entities || []).forEach(function (e) {
      var li = el("li");
      var a = el("a", "entity", e.name); a.href = entityUrl(e.id);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "etype etype-" + String(e.type).toLowerCase(), e.type));
      ents.appendChild(li);
    });
    box.hidden = false;
  }

  function initUpload() {
    var form = document.getElementById("upload-form");
    if (!form) { return; }
    var error = document.getElementById("upload-error");
    var submit = document.getElementById("upload-submit");
    function fail(message) { error.textContent = message; error.hidden = false; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      error.hidden = true;
      document.getElementById("upload-result").hidden = true;
      var fileInput = document.getElementById("upload-file");
      var file = fileInput.files && fileInput.files[0];
      var typed = document.getElementById("upload-text").value;
      var fmt = document.getElementById("upload-format").value;
      var title = document.getElementById("upload-title").value.trim();
      var source = document.getElementById("upload-source").value.trim();
      var getText = file ? readFile(file) : Promise.resolve(typed);
      getText.then(function (text) {
        if (!text || !text.trim()) { fail("There is no text to extract: paste an article or pick a file."); return null; }
        ensureKey();
        submit.disabled = true;
        submit.textContent = "Extracting…";
        var payload = { text: text, format: file && fmt === "auto" ? formatOf(file.name) : fmt, source: source || (file ? file.name : "workbench") };
        if (title) { payload.title = title; }
        return postJson("/documents", payload).then(function (res) {
          if (res.ok && res.body) { showResult(res.body); }
          else { fail(explain(res.status, res.body, res.retryAfter)); }
        });
      }, function (err) { fail("The file could not be read: " + err.message); })
        .then(function () { submit.disabled = false; submit.textContent = "Extract and store"; });
    });
  }

  // -- the analyst: a name for the curation log, kept for this tab ---------------
  var ANALYST = "chipgraph.analyst";
  function analyst() {
    try { return window.sessionStorage.getItem(ANALYST) || ""; } catch (e) { return ""; }
  }
  function setAnalyst(name) {
    try {
      if (name) { window.sessionStorage.setItem(ANALYST, name); } else { window.sessionStorage.removeItem(ANALYST); }
    } catch (e) { /* storage refused: asked again next time */ }
    showAnalyst();
  }
  function showAnalyst() {
    var label = document.getElementById("analyst-name");
    var signIn = document.getElementById("sign-in");
    var signOut = document.getElementById("sign-out");
    if (!label || !signIn || !signOut) { return; }
    var name = analyst();
    label.textContent = name ? "Analyst: " + name : "";
    signIn.hidden = !!name;
    signOut.hidden = !name;
  }
  /* The analyst's name (asked once per tab) and, on a keyed server, the key. */
  function signIn() {
    var name = analyst();
    if (!name) {
      name = (window.prompt("Your name, as the curation log should record it:") || "").trim().slice(0, 200);
      if (!name) { return ""; }
      setAnalyst(name);
    }
    ensureKey();
    return name;
  }
  function initAnalyst() {
    var signInButton = document.getElementById("sign-in");
    var signOutButton = document.getElementById("sign-out");
    if (signInButton) { signInButton.addEventListener("click", signIn); }
    if (signOutButton) { signOutButton.addEventListener("click", function () { setAnalyst(""); storeKey(""); showKeyState(); }); }
    showAnalyst();
  }

  // -- curation: accept or reject a fact --------------------------------------------
  function initCuration() {
    var endpoint = document.body.getAttribute("data-curation");
    if (!endpoint) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".curate"), function (box) {
      var status = box.querySelector(".curate-status");
      var buttons = box.querySelectorAll("button");
      Array.prototype.forEach.call(buttons, function (button) {
        button.addEventListener("click", function () {
          var action = button.classList.contains("accept") ? "accept" : "reject";
          var author = signIn();
          if (!author) { status.className = "curate-status bad"; status.textContent = "sign in to decide"; return; }
          var reason = (window.prompt((action === "accept" ? "Why do you accept" : "Why do you reject") +
            " this fact? (kept in the curation log)") || "").trim();
          if (!reason) { status.className = "curate-status bad"; status.textContent = "a reason is needed"; return; }
          Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
          status.className = "curate-status";
          status.textContent = "saving…";
          var payload = { action: action, target: box.getAttribute("data-fact"), author: author, reason: reason.slice(0, 4000) };
          postJson(endpoint, payload).then(function (res) {
            if (res.ok) {
              status.className = "curate-status " + (action === "accept" ? "good" : "bad");
              status.textContent = (action === "accept" ? "accepted" : "rejected: gone from every answer") + " by " + author;
              box.setAttribute("data-verdict", action === "accept" ? "accepted" : "rejected");
            } else {
              status.className = "curate-status bad";
              status.textContent = explain(res.status, res.body, res.retryAfter);
            }
            Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
          });
        });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), initSuggest);
  initKeyBox();
  initUpload();
  initAnalyst();
  initCuration();
})();
