// @ts-check
// Progress without accounts, on every page of the static book. The build puts the book's manifest in front of this
// file as `window.MEDIALIT_BOOK` (every exercise in reading order with its page, skill, content hash and maximum;
// the hand-in format's name, version and CSV columns, which this file reads instead of typing them).
// learners.js comes just before it. It reads what shim.js saved in localStorage for the learner working now and shows:
//   * a progress summary in the sidebar (done / total, points per skill) with who is working ("You are: Ana",
//     "Not you? Switch learner", "Finish on this device"), or a prompt for the name;
//   * on the "My results" page: every exercise with its status, the hand-in download (JSON or CSV, format
//     medialit-handin version 2, as schema/handin-v2.json), who is working, "Finish on this device" and "Reset my
//     progress", each with a confirmation in the page.
// Learner text is only ever inserted as text. Corrupt or missing storage counts as "not started".

/**
 * @typedef {object} HandinContract The hand-in format as medialit.handin.browser_contract states it.
 * @property {string} format the value of the `format` field
 * @property {number} format_version the `format_version` written
 * @property {string[]} csv_columns the CSV header, in order
 * @property {Record<string, string>} storage the storage key prefixes (read by learners.js)
 */

(() => {
  const page = /** @type {Window & typeof globalThis & {medialit: any, MEDIALIT_BOOK: any}} */ (window);
  const BOOK = page.MEDIALIT_BOOK;
  /** @type {HandinContract} */
  const HANDIN = BOOK.handin;
  const L = page.medialit.learners;
  const NOTICE = "medialit:notice"; // sessionStorage: what to tell the learner once the page has reloaded
  const CSV_COLUMNS = HANDIN.csv_columns;
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const root = new URL("../../", script ? script.src : window.location.href);
  const exam = BOOK.mode === "exam";

  // h() and points() are the widget's own (static/dom.js); the build puts them in front of this file.
  /** @type {{h: (tag: string, attrs?: Record<string, any>, ...children: any[]) => any, points: (value: number) => string}} */
  const dom = page.medialit.dom;
  const { h } = dom;

  const present = (children) => children.filter((child) => child !== null && child !== undefined && child !== false);

  /** `node` holding `children` only, leaving out null, undefined and false. */
  function put(node, ...children) {
    node.replaceChildren(...present(children));
    return node;
  }

  const { points } = dom;
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  const readJSON = L.readJSON;

  function meta() {
    return readJSON(L.metaName()) || {};
  }

  /** The name of the learner working now; "" before a name is given. */
  const learnerName = () => L.nameOf(L.current());

  /** Every exercise of the book with what the learner working now did: {entry, saved, done, score}. */
  function records() {
    return BOOK.exercises.map((entry) => {
      const name = L.answerName(entry.id, entry.content_hash);
      // An answer the storage had no room for (shim.js keeps it in `window.medialit.unsaved`) still counts.
      const unsaved = page.medialit && page.medialit.unsaved;
      const saved = (unsaved && unsaved.get(name)) || readJSON(name);
      const submission = saved && saved.submission;
      const done = Boolean(submission && typeof submission === "object" && submission.answer
        && typeof submission.answer === "object");
      const score = done && typeof saved.score === "number" && Number.isFinite(saved.score)
        ? Math.min(Math.max(saved.score, 0), entry.max_score) : null;
      return { entry, saved, done, score };
    });
  }

  function summary(list) {
    const skills = BOOK.skills.map((skill) => {
      const mine = list.filter((r) => r.entry.skill === skill.id);
      return {
        ...skill,
        total: mine.length,
        done: mine.filter((r) => r.done).length,
        score: mine.reduce((sum, r) => sum + (r.score || 0), 0),
        max: mine.reduce((sum, r) => sum + r.entry.max_score, 0),
      };
    }).filter((skill) => skill.total > 0 && (exam || skill.max > 0)); // a skill of reflections only earns no points
    return {
      total: list.length,
      done: list.filter((r) => r.done).length,
      score: list.reduce((sum, r) => sum + (r.score || 0), 0),
      max: list.reduce((sum, r) => sum + r.entry.max_score, 0),
      skills,
    };
  }

  const doneWords = (s) => `${s.done} of ${plural(s.total, "exercise", "exercises")} ${exam ? "answered" : "done"}`;
  const pointWords = (s) => `${points(s.score)} of ${plural(s.max, "point", "points")}`;

  // -- the summary on every page ---------------------------------------------------------------------------------

  let box = null;
  let summaryPart = null;

  function renderSummary() {
    const s = summary(records());
    renderIndicator(s);
    const percent = s.total ? Math.round((100 * s.done) / s.total) : 0;
    const bar = h("span", { class: "ml-progress-fill" });
    bar.style.width = `${percent}%`;
    const list = exam ? null : h("ul", { class: "ml-progress-skills" },
      ...s.skills.map((skill) => h("li", {}, h("span", { text: skill.title }), " ",
        h("span", { class: "ml-progress-points", text: pointWords(skill) }))));
    const link = BOOK.results_page
      ? h("a", { class: "ml-progress-link", href: new URL(BOOK.results_page, root).href, text: "My results and hand-in" })
      : null;
    put(summaryPart,
      h("p", { class: "ml-progress-title", text: "Your progress" }),
      h("p", { class: "ml-progress-count", text: doneWords(s) }),
      h("div", { class: "ml-progress-bar", "aria-hidden": "true" }, bar),
      list,
      link,
    );
  }

  function mountSummary() {
    summaryPart = h("div", { class: "ml-progress-summary" });
    const learnerPart = h("div", { class: "ml-learner", role: "group", "aria-label": "Who is working" });
    box = h("section", { class: "medialit-progress", "aria-label": "Your progress" }, summaryPart, learnerPart);
    learnerBox(learnerPart, "sidebar", false, null).render();
    const sidebar = document.querySelector(".bd-sidebar-primary .sidebar-primary-items__end")
      || document.querySelector(".bd-sidebar-primary");
    if (sidebar) sidebar.prepend(box);
    else (document.querySelector("main") || document.body).prepend(box);
    renderSummary();
  }

  // -- the indicator in the page header (always in view) ----------------------------------------------------------

  // A compact "Done: 3 of 12" in the header bar over the page (the sidebar's full box is below the fold on a laptop
  // and inside the menu on a phone). Its button opens the points per skill; pointing at it opens them too.
  let indicator = null;

  function mountIndicator() {
    const header = document.querySelector(".bd-header-article .header-article-items__start")
      || document.querySelector(".bd-header-article");
    if (!header) return; // a page without the book's header
    const panel = h("div", { id: "medialit-indicator-panel", class: "ml-indicator-panel", hidden: true });
    const button = h("button", { type: "button", class: "ml-indicator-button", "aria-expanded": "false",
      "aria-controls": panel.id });
    const item = h("div", { class: "header-article-item medialit-indicator" }, button, panel);
    const show = (open) => {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", () => show(panel.hidden));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        show(false);
        button.focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (!item.contains(/** @type {Node} */ (event.target))) show(false);
    });
    // Opened by pointing at it, Escape closes it too, until the pointer leaves.
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && item.matches(":hover")) item.classList.add("ml-indicator-quiet");
    });
    item.addEventListener("mouseleave", () => item.classList.remove("ml-indicator-quiet"));
    header.append(item);
    indicator = { button, panel };
  }

  function renderIndicator(s) {
    if (!indicator) return;
    put(indicator.button, `${exam ? "Answered" : "Done"}: ${s.done} of ${s.total}`);
    const list = exam ? null : h("ul", { class: "ml-progress-skills" },
      ...s.skills.map((skill) => h("li", {}, h("span", { text: skill.title }), " ",
        h("span", { class: "ml-progress-points", text: pointWords(skill) }))));
    put(indicator.panel,
      h("p", { class: "ml-progress-title", text: "Your progress" }),
      h("p", { class: "ml-progress-count", text: doneWords(s) }),
      list,
      BOOK.results_page
        ? h("a", { class: "ml-progress-link", href: new URL(BOOK.results_page, root).href, text: "My results and hand-in" })
        : null,
    );
  }

  // -- the hand-in ---------------------------------------------------------------------------------------------

  // The export checks what it writes against the rules of schema/handin-v2.json (the schema is the authority; these
  // are the few rules that damaged or tampered saved data can break). What can be repaired is repaired: the name is
  // cut to the schema's 200 characters, dates become ISO 8601 UTC with "Z", counts become whole numbers >= 0 and an
  // unknown confidence becomes null. An answer that is not an object cannot be repaired: it is left out, and the page
  // says so (handin() returns their titles in `leftOut`).
  const LEARNER_MAX = 200;
  const BOOK_VERSION_MAX = 50;
  const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$/;
  const LOOSE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?$/;

  const cut = (text, size) => Array.from(text).slice(0, size).join("");

  /** An ISO 8601 UTC time with "Z" for `value`, or null when it is not a date and time (a time without an offset is
   * read as UTC). Years outside 1970-9999 are refused: the teacher's tools cannot read every year. */
  function stamp(value) {
    if (typeof value !== "string") return null;
    const text = value.trim();
    const found = LOOSE_TIME.exec(text);
    if (!found) return null;
    const withOffset = found[3] ? text.replace(/([+-][0-9]{2})([0-9]{2})$/, "$1:$2") : `${text}Z`;
    const time = Date.parse(withOffset.replace(/z$/, "Z"));
    if (!Number.isFinite(time)) return null;
    const iso = new Date(time).toISOString();
    const year = Number(iso.slice(0, 4));
    return TIMESTAMP.test(iso) && year >= 1970 && year <= 9999 ? iso : null;
  }

  const count = (value) => (typeof value === "number" && Number.isFinite(value)
    ? Math.min(Math.max(Math.floor(value), 0), Number.MAX_SAFE_INTEGER) : 0);
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  function handin(learner) {
    const exported = new Date().toISOString();
    const answers = {};
    const leftOut = [];
    for (const { entry, saved, done } of records()) {
      if (!done) continue;
      const submission = saved.submission;
      if (!isObject(submission.answer)) {
        leftOut.push(entry.title);
        continue;
      }
      answers[entry.id] = {
        content_hash: entry.content_hash,
        answer: submission.answer,
        checks: count(submission.count),
        confidence: [1, 2, 3].includes(submission.confidence) ? submission.confidence : null,
        revealed: saved.revealed === true,
        answered_at: stamp(saved.answered_at) || exported,
        // The first answer checked (the teacher may score first tries); null when it was not kept.
        first_answer: isObject(submission.first_answer) ? submission.first_answer : null,
      };
    }
    const data = {
      format: HANDIN.format,
      format_version: HANDIN.format_version,
      learner: cut(learner, LEARNER_MAX),
      book_version: cut(String(BOOK.book_version), BOOK_VERSION_MAX),
      mode: BOOK.mode,
    };
    const created = stamp(meta().created);
    if (created) data.created = created;
    data.exported = exported;
    data.answers = answers;
    return { data, leftOut };
  }

  // A cell a spreadsheet could read as a formula gets a leading "'", exactly as the teacher's CSV files
  // (teacher/csvfile.py: cells starting with = + - @ tab or carriage return). Apostrophes already in front of such a
  // start count too, so that the reader, which takes one "'" off a cell matching ^'+[=+\-@\t\r], gets back the
  // value as it was.
  const FORMULA = /^'*[=+\-@\t\r]/;
  const cell = (value) => {
    const text = String(value);
    return `"${(FORMULA.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };

  /** The CSV spelling of the hand-in `data`: one row per answer, in the manifest's columns (a column this file
   * has no value for is an error, never an empty cell). */
  function asCSV(data) {
    /** @type {unknown[][]} */
    const rows = [CSV_COLUMNS];
    for (const [id, a] of Object.entries(data.answers)) {
      /** @type {Record<string, unknown>} */
      const cells = {
        format: data.format,
        format_version: data.format_version,
        learner: data.learner,
        book_version: data.book_version,
        mode: data.mode,
        exported: data.exported,
        exercise: id,
        content_hash: a.content_hash,
        answer_json: JSON.stringify(a.answer),
        checks: a.checks,
        confidence: a.confidence === null ? "" : a.confidence,
        revealed: a.revealed ? "true" : "false",
        answered_at: a.answered_at,
        first_answer_json: a.first_answer === null ? "" : JSON.stringify(a.first_answer),
      };
      rows.push(CSV_COLUMNS.map((column) => {
        if (!(column in cells)) throw new Error(`medialit: no value for the hand-in CSV column ${column}`);
        return cells[column];
      }));
    }
    // A byte-order mark lets spreadsheet programs read the file as UTF-8.
    return `\ufeff${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
  }

  function fileName(learner, suffix) {
    const slug = learner.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
    return `medialit-answers-${slug.toLowerCase() || "learner"}.${suffix}`;
  }

  function download(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  const NAME_FIRST = "Type your name first, so that your teacher knows whose answers these are.";

  /** Download the hand-in of the learner working now as "json" or "csv". Before a name is given, `learner` names
   * them (their answers become that learner's). Returns {number, file, message}: the answers in the file, the file's
   * name (null when nothing was downloaded) and what happened, in the learner's words. */
  function handOut(learner, kind) {
    // A name made only of spaces or invisible characters is no name: the teacher's tools refuse it.
    const given = typeof learner === "string" && L.keyOf(learner) ? learner.trim() : "";
    if (!learnerName() && given && L.use(given)) learnerChanged();
    const name = learnerName() || given;
    if (!name) return { number: 0, file: null, message: NAME_FIRST };
    const { data, leftOut } = handin(name);
    const number = Object.keys(data.answers).length;
    const them = leftOut.length === 1 ? "it" : "them";
    const note = leftOut.length
      ? ` Left out because the saved answer is damaged: ${leftOut.join(", ")}. Answer ${them} again to hand ${them} in.`
      : "";
    if (!number) return { number, file: null, message: `There is nothing to hand in yet: answer an exercise first.${note}` };
    const file = fileName(data.learner, kind === "csv" ? "csv" : "json");
    if (kind === "csv") download(asCSV(data), file, "text/csv;charset=utf-8");
    else download(JSON.stringify(data, null, 1), file, "application/json");
    return { number, file, message: `Downloaded ${plural(number, "answer", "answers")}. Give the file to your teacher.${note}` };
  }

  /** Download the hand-in (see handOut); returns what happened, in the learner's words. */
  const downloadAnswers = (learner, kind = "json") => handOut(learner, kind).message;

  // Every page can download the hand-in (shim.js offers it when the storage is full).
  page.medialit = Object.assign(page.medialit || {}, { downloadAnswers, learnerName });

  // -- who is working --------------------------------------------------------------------------------------------

  let uids = 0;
  const boxes = new Map(); // every "who is working" part on the page, by place: its render function
  let pageKey = L.current(); // the learner whose answers the exercises on this page show

  function remember(text, place) {
    try {
      window.sessionStorage.setItem(NOTICE, JSON.stringify({ text, place }));
    } catch {
      // Without session storage the page reloads without the message.
    }
  }

  /** The message left for this page before it reloaded, once. */
  function notice() {
    try {
      const value = JSON.parse(window.sessionStorage.getItem(NOTICE) ?? "null");
      window.sessionStorage.removeItem(NOTICE);
      return value && typeof value.text === "string" ? value : null;
    } catch {
      return null;
    }
  }

  /** Another learner works now: the page reloads, so that its exercises show that learner's answers. */
  function switchTo(name, place, status) {
    if (!L.keyOf(name)) {
      status.textContent = "Type your name first.";
      return false;
    }
    if (!L.use(name)) {
      status.textContent = "Your name could not be saved: this browser's storage is full or switched off.";
      return false;
    }
    remember(`You are now working as ${learnerName()}.`, place);
    window.location.reload();
    return true;
  }

  /** Buttons for the learners saved in this browser, other than the one working now. */
  function savedLearners(uid, place, status) {
    const others = L.saved().filter((learner) => learner.key !== L.current());
    if (!others.length) return null;
    return h("div", { class: "ml-learner-saved", role: "group", "aria-labelledby": `${uid}-saved` },
      h("p", { id: `${uid}-saved`, text: "Saved in this browser:" }),
      h("ul", {}, ...others.map((learner) => h("li", {}, h("button", {
        type: "button", class: "ml-learner-pick", text: `Continue as ${learner.name}`,
        onclick: () => switchTo(learner.name, place, status),
      })))));
  }

  function nameField(uid, describedBy) {
    const input = h("input", { id: `${uid}-name`, type: "text", maxlength: "200", autocomplete: "name",
      "aria-describedby": describedBy });
    const field = h("p", { class: "ml-field" }, h("label", { for: `${uid}-name`, text: "Your name" }), " ", input);
    return { input, field };
  }

  /** "Finish on this device": download this learner's answers, then ask whether to remove them from the browser. */
  function finishControls(uid, place, status, given, focusName) {
    const text = h("p", { id: `${uid}-finish-text` });
    const confirmBox = h("div", { class: "ml-confirm ml-finish-confirm", role: "group",
      "aria-labelledby": `${uid}-finish-text`, hidden: true }, text);
    const button = h("button", { type: "button", class: "ml-finish", text: "Finish on this device" });
    const remove = h("button", { type: "button", class: "ml-finish-remove", text: "Remove", onclick: () => {
      L.forget(L.current(), true);
      remember("Your answers were removed from this browser. The next learner can type their name.", place);
      window.location.reload();
    } });
    const keep = h("button", { type: "button", class: "ml-finish-keep", text: "Keep", onclick: () => {
      confirmBox.hidden = true;
      status.textContent = "Your answers stay in this browser.";
      button.focus();
    } });
    confirmBox.append(remove, " ", keep);
    button.addEventListener("click", () => {
      const out = handOut(given(), "json");
      status.textContent = out.message;
      if (!learnerName()) {
        focusName();
        return;
      }
      text.textContent = out.file
        ? `Your answers were downloaded as ${out.file}. Remove them from this browser?`
        : "Remove your name from this browser?";
      confirmBox.hidden = false;
      keep.focus();
    });
    return { button, confirmBox };
  }

  /** "Not you? Switch learner": the learners saved in this browser, or a new name. */
  function switchControls(uid, place, status) {
    const area = h("div", { class: "ml-learner-switch", role: "group", "aria-labelledby": `${uid}-switch-title`,
      hidden: true });
    const button = h("button", { type: "button", class: "ml-switch", "aria-expanded": "false",
      text: "Not you? Switch learner" });
    const close = () => {
      area.hidden = true;
      area.replaceChildren();
      button.setAttribute("aria-expanded", "false");
      button.focus();
    };
    button.addEventListener("click", () => {
      if (!area.hidden) {
        close();
        return;
      }
      // The field is made only while the area is open: a page never holds two fields called "Your name".
      const { input, field } = nameField(`${uid}-switch`, null);
      const go = () => switchTo(input.value, place, status) || input.focus();
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") go();
      });
      put(area,
        h("p", { id: `${uid}-switch-title`, class: "ml-learner-title", text: "Who is working now?" }),
        savedLearners(uid, place, status),
        field,
        h("p", {}, h("button", { type: "button", class: "ml-switch-go", text: "Switch", onclick: go }), " ",
          h("button", { type: "button", class: "ml-switch-cancel", text: "Cancel", onclick: close })),
      );
      area.hidden = false;
      button.setAttribute("aria-expanded", "true");
      input.focus();
    });
    return { button, area };
  }

  /** Who is working: "You are: Ana" with "Not you? Switch learner", or a prompt for the name. In the sidebar
   * (`place` "sidebar") it has its own "Save my name" and "Finish on this device"; on My results (`handin`) the name
   * is given with the download buttons, which sit next to it. Returns {render, value, focusName}. */
  function learnerBox(part, place, handin, shared) {
    const uid = `medialit-learner-${(uids += 1)}`;
    const status = shared || h("p", { class: "ml-learner-status", role: "status" });
    const own = shared ? null : status;
    let input = null;
    const help = handin
      ? "Your teacher may ask for your answers. Type your name, then download the file and hand it in. " +
        "The file holds your answers only; your teacher's tools score them again."
      : "Who is working? Type your name, so that your answers are kept as yours.";
    const helpNamed = "Your teacher may ask for your answers. Download the file and hand it in. " +
      "The file holds your answers only; your teacher's tools score them again.";

    function render(told) {
      input = null;
      const name = learnerName();
      if (name) {
        const who = h("p", { class: "ml-learner-who", tabindex: "-1" }, "You are: ", h("strong", { text: name }));
        // In a learning platform the platform names the learner and keeps the answers: no switch, no finish.
        const change = L.platform() ? null : switchControls(uid, place, status);
        const finish = handin || !change ? null : finishControls(uid, place, status, () => "", () => {});
        put(part,
          who,
          change && h("p", { class: "ml-learner-actions" }, change.button, finish && " ", finish && finish.button),
          change && change.area,
          finish && finish.confirmBox,
          handin ? h("p", { text: helpNamed }) : null,
          own,
        );
        if (told) who.focus();
      } else {
        const field = nameField(uid, `${uid}-name-help`);
        input = field.input;
        const save = () => {
          if (!switchTo(field.input.value, place, status)) field.input.focus();
        };
        if (!handin) {
          field.input.addEventListener("keydown", (event) => {
            if (event.key === "Enter") save();
          });
        }
        put(part,
          h("p", { class: handin ? null : "ml-learner-title", id: `${uid}-name-help`, text: help }),
          field.field,
          handin ? null : h("p", {}, h("button", { type: "button", class: "ml-learner-save", text: "Save my name",
            onclick: save })),
          savedLearners(uid, place, status),
          own,
        );
        if (told) field.input.focus();
      }
      if (told) status.textContent = told;
    }
    boxes.set(place, render);
    return { render, value: () => (input ? input.value : ""), focusName: () => input && input.focus() };
  }

  /** The learner changed on this page (a name was given): every part that shows who is working is drawn again. */
  function learnerChanged() {
    pageKey = L.current();
    for (const render of boxes.values()) render();
    if (box) renderSummary();
  }

  // -- the "My results" page ---------------------------------------------------------------------------------------

  /** A table in a box that scrolls sideways on narrow screens, and can then be scrolled with the keyboard. */
  function scrollable(name, table) {
    return h("div", { class: "ml-table-scroll", role: "region", "aria-label": name, tabindex: "0" }, table);
  }

  function renderResults(panel) {
    const list = records();
    const s = summary(list);
    const uid = "medialit-results";
    const overview = exam
      ? `You have answered ${s.done} of ${plural(s.total, "exercise", "exercises")}. ` +
        "This is a test version of the book: your teacher scores your answers."
      : `You have done ${s.done} of ${plural(s.total, "exercise", "exercises")}. ` +
        `Your score so far: ${pointWords(s)}.`;

    const skillTable = exam ? null : scrollable("Your score per skill", h("table", { class: "ml-results-table" },
      h("caption", { text: "Your score per skill" }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Skill" }),
        h("th", { scope: "col", text: "Exercises done" }), h("th", { scope: "col", text: "Points" }))),
      h("tbody", {}, ...s.skills.map((skill) => h("tr", {},
        h("th", { scope: "row", text: skill.title }),
        h("td", { text: `${skill.done} of ${skill.total}` }),
        h("td", { text: `${points(skill.score)} of ${points(skill.max)}` }))))));

    const skillTitle = new Map(BOOK.skills.map((skill) => [skill.id, skill.title]));
    const statusOf = (r) => {
      if (!r.done) return "Not started";
      if (exam) return "Answer recorded";
      return r.saved.revealed === true ? "Done (answer shown)" : "Done";
    };
    const exerciseTable = scrollable("Every exercise in the book", h("table", { class: "ml-results-table" },
      h("caption", { text: "Every exercise in the book" }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Exercise" }),
        h("th", { scope: "col", text: "Skill" }), h("th", { scope: "col", text: "Status" }),
        exam ? null : h("th", { scope: "col", text: "Points" }))),
      h("tbody", {}, ...list.map((r) => h("tr", { "data-exercise": r.entry.id },
        h("th", { scope: "row" }, h("a", { href: new URL(`${r.entry.page}#exercise-${r.entry.id}`, root).href,
          text: r.entry.title })),
        h("td", { text: skillTitle.get(r.entry.skill) || r.entry.skill }),
        h("td", { text: statusOf(r) }),
        exam ? null : h("td", {
          // A reflection (no points available) is recorded, never scored.
          text: r.entry.max_score === 0 ? "Not scored" : r.score === null ? "–" : `${points(r.score)} of ${points(r.entry.max_score)}`,
        }))))));

    const message = h("p", { class: "ml-results-message", role: "status" });
    const whoPart = h("div", { class: "ml-learner" });
    const who = learnerBox(whoPart, "panel", true, message);
    who.render();
    const finish = finishControls(uid, "panel", message, who.value, who.focusName);

    function handIn(kind) {
      const out = handOut(who.value(), kind);
      message.textContent = out.message;
      if (!learnerName()) who.focusName();
    }

    const confirmBox = h("div", { class: "ml-confirm ml-reset-confirm", role: "group",
      "aria-labelledby": `${uid}-confirm-text`, hidden: true },
      h("p", { id: `${uid}-confirm-text`,
        text: "This deletes your answers saved in this browser for this book. It cannot be undone. Are you sure?" }),
      h("button", { type: "button", class: "ml-confirm-yes", text: "Yes, delete my answers", onclick: reset }),
      " ",
      h("button", { type: "button", class: "ml-confirm-no", text: "No, keep them", onclick: () => {
        confirmBox.hidden = true;
        resetButton.focus();
      } }));
    const resetButton = h("button", { type: "button", class: "ml-reset", text: "Reset my progress", onclick: () => {
      confirmBox.hidden = false;
      confirmBox.querySelector(".ml-confirm-no").focus();
    } });

    function reset() {
      L.forget(L.current(), false);
      refresh();
      const again = panel.querySelector(".ml-results-message");
      again.textContent = "Your progress has been reset.";
      panel.querySelector(".ml-reset").focus();
    }

    put(panel,
      h("p", { class: "ml-results-overview", text: overview }),
      skillTable,
      exerciseTable,
      h("h2", { id: `${uid}-handin`, text: "Hand in your answers" }),
      whoPart,
      h("p", { class: "ml-results-actions" },
        h("button", { type: "button", class: "ml-download-json", text: "Download my answers", onclick: () => handIn("json") }),
        " ",
        h("button", { type: "button", class: "ml-download-csv", text: "Download as CSV (spreadsheet)",
          onclick: () => handIn("csv") }),
        " ",
        finish.button),
      message,
      finish.confirmBox,
      h("h2", { id: `${uid}-reset`, text: "Start again" }),
      h("p", { text: "Your answers are saved in this browser only. You can delete them to start again. " +
        "The answers of other learners on this browser stay." }),
      h("p", {}, resetButton),
      confirmBox,
    );
  }

  // -- start -----------------------------------------------------------------------------------------------------

  const panel = document.getElementById("medialit-results");

  function refresh() {
    if (box) renderSummary();
    const sidebar = boxes.get("sidebar");
    if (sidebar) sidebar();
    if (panel) renderResults(panel);
  }

  function start() {
    mountIndicator();
    mountSummary();
    if (panel) renderResults(panel);
    const told = notice();
    const place = told && (boxes.get(told.place) || boxes.get("sidebar"));
    if (place) place(told.text);
    window.addEventListener("medialit:progress", () => box && renderSummary());
    // Another tab of this browser changed the saved answers; when it changed who is working, this page reloads, so
    // that its exercises never show or save one learner's answers as another's.
    window.addEventListener("storage", () => {
      if (L.current() !== pageKey) window.location.reload();
      else refresh();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
