// @ts-check
// The SCO of the SCORM package: the page the learning platform (LMS) opens. It finds the LMS's SCORM API, opens one
// session, and shows the book's pages in a frame inside itself, so that moving between pages never ends the session;
// it ends the session only when the launcher itself is left (pagehide or beforeunload).
//
// With the API, the LMS is the only store of the learner's answers: the launcher keeps them in `MEDIALIT_STORE` (a
// Storage in memory), which learners.js in each page of the frame uses instead of localStorage (through
// window.parent: the pages and the launcher come from the same package, so the same origin). Every change is written
// to suspend_data (codec.js: SCORM 1.2 allows 4,096 characters; an answer that does not fit is refused as a full
// localStorage would be, and the page offers the download of every answer), with the score, the completion and one
// interaction per exercise answered, and committed. The page the learner is on is kept as the location
// (cmi.core.lesson_location / cmi.location), and the next session opens it. Without the API, the book works as a
// normal site.
//
// The package writes book.js in front of this file: window.MEDIALIT_BOOK (the book's manifest, as progress.js reads it)
// and window.MEDIALIT_SCORM {version: "1.2" | "2004", start: the book's first page, exercises: [{ids}] in the
// manifest's order}. codec.js comes before this file, learners.js after it.

(() => {
  const page = /** @type {Window & typeof globalThis & {medialit: any, MEDIALIT_BOOK: any, MEDIALIT_SCORM: any,
    MEDIALIT_STORE: any}} */ (window);
  const BOOK = page.MEDIALIT_BOOK;
  const SCORM = page.MEDIALIT_SCORM;
  const V12 = SCORM.version === "1.2";
  const LIMIT = V12 ? 4096 : 64000; // suspend_data's size in SCORM 1.2 and in SCORM 2004 4th edition
  const RESPONSE_LIMIT = V12 ? 255 : 4000; // an interaction's response
  const codec = page.medialit.scormCodec;
  /** A page of the book, as kept in the location: a path inside the package, never out of it nor into scorm/. */
  const PAGE = /^(?!scorm\/)(?!.*\.\.)[\w-][\w\-./]*\.html$/;

  // -- the API -----------------------------------------------------------------------------------------------------

  /** The object `name` in `start` or in one of the windows above it (the search SCORM's run-time guide gives).
   * @param {Window} start
   * @param {string} name */
  function scan(start, name) {
    let win = start;
    for (let tries = 0; tries < 500; tries += 1) {
      try {
        const found = /** @type {any} */ (win)[name];
        if (found) return found;
      } catch {
        // A window of another site: look further up.
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function findAPI() {
    const name = V12 ? "API" : "API_1484_11";
    return scan(window, name) || (window.opener ? scan(window.opener, name) : null);
  }

  const api = findAPI();
  /** @param {string} element */
  const get = (element) => String((V12 ? api.LMSGetValue(element) : api.GetValue(element)) ?? "");
  /** @param {string} element @param {string | number} value */
  const set = (element, value) => (V12 ? api.LMSSetValue(element, String(value)) : api.SetValue(element, String(value)));
  const commit = () => (V12 ? api.LMSCommit("") : api.Commit(""));
  const started = api !== null && String(V12 ? api.LMSInitialize("") : api.Initialize("")) === "true";

  // -- the store ----------------------------------------------------------------------------------------------------

  /** @type {Map<string, string>} */
  const items = new Map();
  /** @type {any} */
  let learners = null;

  /** Each exercise's saved record (or null), in the manifest's order, for the learner working now. */
  function savedRecords() {
    return BOOK.exercises.map((/** @type {any} */ entry) => {
      if (!learners) return null;
      try {
        return JSON.parse(items.get(learners.answerName(entry.id, entry.content_hash)) ?? "null");
      } catch {
        return null;
      }
    });
  }

  const encoded = () => codec.encode(SCORM.exercises, savedRecords());

  /** A Storage in memory whose answers go to the LMS; setItem refuses what suspend_data has no room for. */
  const store = {
    get length() {
      return items.size;
    },
    /** @param {number} index */
    key: (index) => [...items.keys()][index] ?? null,
    /** @param {string} name */
    getItem: (name) => items.get(String(name)) ?? null,
    /** @param {string} name @param {string} value */
    setItem(name, value) {
      const key = String(name);
      const before = items.get(key);
      items.set(key, String(value));
      if (encoded().length > LIMIT) {
        if (before === undefined) items.delete(key);
        else items.set(key, before);
        throw new DOMException("The learning platform has no room for more answers.", "QuotaExceededError");
      }
      changed();
    },
    /** @param {string} name */
    removeItem(name) {
      if (items.delete(String(name))) changed();
    },
    clear() {
      items.clear();
      changed();
    },
  };
  if (started) page.MEDIALIT_STORE = store;

  // -- reporting ----------------------------------------------------------------------------------------------------

  /** @type {Map<string, number>} the interaction index of each exercise reported in this session */
  const interactions = new Map();
  /** @type {Map<string, string>} what was last reported for each exercise */
  const reported = new Map();
  let timer = 0;
  let finished = false;
  let quiet = true; // while the launcher itself fills the store at the start

  function changed() {
    if (finished || quiet) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(report, 100);
  }

  /** @param {any} record */
  const done = (record) => Boolean(record && record.submission && typeof record.submission.answer === "object"
    && record.submission.answer !== null);

  /** @param {number} value */
  const decimal = (value) => String(Math.round(value * 100) / 100);

  /** The learner's response as the LMS shows it: the answer's JSON, or its short form when that is too long.
   * @param {number} index @param {any} answer */
  function response(index, answer) {
    const text = JSON.stringify(answer);
    if (text.length <= RESPONSE_LIMIT) return text;
    const short = JSON.stringify(codec.encodeAnswer(answer, SCORM.exercises[index].ids));
    return short.length <= RESPONSE_LIMIT ? short : `${short.slice(0, RESPONSE_LIMIT - 1)}…`;
  }

  /** Write suspend_data, the score, the completion and the interactions of what changed, then commit. */
  function report() {
    window.clearTimeout(timer);
    if (!started || finished) return;
    const kept = String(set("cmi.suspend_data", encoded())) === "true";
    const records = savedRecords();
    let points = 0;
    let maximum = 0;
    records.forEach((/** @type {any} */ record, /** @type {number} */ index) => {
      const max = BOOK.exercises[index].max_score;
      if (typeof max !== "number") return;
      maximum += max;
      if (done(record) && typeof record.score === "number") points += Math.min(Math.max(record.score, 0), max);
    });
    const answered = records.filter(done).length;
    const complete = answered === records.length;
    if (maximum > 0) {
      const percent = (100 * points) / maximum;
      set(V12 ? "cmi.core.score.min" : "cmi.score.min", 0);
      set(V12 ? "cmi.core.score.max" : "cmi.score.max", 100);
      set(V12 ? "cmi.core.score.raw" : "cmi.score.raw", decimal(percent));
      if (!V12) set("cmi.score.scaled", String(Math.round(percent * 100) / 10000));
    }
    if (V12) {
      const mastery = Number.parseFloat(get("cmi.student_data.mastery_score"));
      const graded = complete && maximum > 0 && Number.isFinite(mastery);
      const percent = maximum > 0 ? (100 * points) / maximum : 0;
      set("cmi.core.lesson_status", graded ? (percent >= mastery ? "passed" : "failed") : complete ? "completed" : "incomplete");
    } else {
      set("cmi.completion_status", complete ? "completed" : "incomplete");
      set("cmi.progress_measure", records.length ? String(Math.round((10000 * answered) / records.length) / 10000) : "1");
      const passing = Number.parseFloat(get("cmi.scaled_passing_score"));
      if (complete && maximum > 0 && Number.isFinite(passing)) {
        set("cmi.success_status", points / maximum >= passing ? "passed" : "failed");
      }
    }
    records.forEach((/** @type {any} */ record, /** @type {number} */ index) => {
      const entry = BOOK.exercises[index];
      if (!done(record)) return;
      const seen = JSON.stringify([record.submission.answer, record.score]);
      if (reported.get(entry.id) === seen) return;
      reported.set(entry.id, seen);
      let n = interactions.get(entry.id);
      if (n === undefined) {
        n = Number.parseInt(get("cmi.interactions._count"), 10) || 0;
        interactions.set(entry.id, n);
      }
      const at = `cmi.interactions.${n}.`;
      set(`${at}id`, entry.id);
      set(`${at}type`, V12 ? "performance" : "other");
      set(`${at}${V12 ? "student_response" : "learner_response"}`, response(index, record.submission.answer));
      if (typeof entry.max_score === "number" && typeof record.score === "number") {
        set(`${at}weighting`, decimal(entry.max_score));
        set(`${at}result`, decimal(record.score));
      }
    });
    const committed = String(commit()) === "true";
    say(kept && committed ? "" : "Your learning platform did not save your latest answers. To keep a copy, download "
      + "your answers from My results.");
  }

  /** Tell the learner, above the book, what the platform did not do ("" when all is well).
   * @param {string} text */
  function say(text) {
    const status = document.getElementById("medialit-launcher-status");
    if (status && status.textContent !== text) status.textContent = text;
  }

  /** @param {number} ms */
  function sessionTime(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (!V12) return `PT${seconds}S`;
    const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
    return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }

  const opened = Date.now();

  /** Leaving the launcher: the last report, then the session ends (once). */
  function finish() {
    if (!started || finished) return;
    report();
    set(V12 ? "cmi.core.exit" : "cmi.exit", "suspend");
    set(V12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime(Date.now() - opened));
    commit();
    finished = true;
    if (V12) api.LMSFinish("");
    else api.Terminate("");
  }

  // -- the start ----------------------------------------------------------------------------------------------------

  function start() {
    learners = page.medialit.learners;
    const status = /** @type {HTMLElement} */ (document.getElementById("medialit-launcher-status"));
    if (started) {
      const name = get(V12 ? "cmi.core.student_name" : "cmi.learner_name").trim();
      if (name) learners.use(name);
      const { records, dropped } = codec.decode(SCORM.exercises, get("cmi.suspend_data"));
      for (const [index, record] of records) {
        const entry = BOOK.exercises[index];
        items.set(learners.answerName(entry.id, entry.content_hash), JSON.stringify(record));
        reported.set(entry.id, JSON.stringify([record.submission.answer, record.score]));
      }
      if (dropped) {
        status.textContent = `${dropped === 1 ? "One saved answer" : `${dropped} saved answers`} could not be read `
          + "and will not be shown.";
      }
      const statusNow = get(V12 ? "cmi.core.lesson_status" : "cmi.completion_status");
      if (["not attempted", "unknown", ""].includes(statusNow)) {
        set(V12 ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
      }
      set(V12 ? "cmi.core.exit" : "cmi.exit", "suspend");
      commit();
      quiet = false;
      window.addEventListener("pagehide", finish);
      window.addEventListener("beforeunload", finish);
    } else {
      status.textContent = api
        ? "Your learning platform did not start this activity: your answers are kept in this browser only."
        : "";
    }
    const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("medialit-book"));
    const root = new URL("../", window.location.href).href; // the package's root: the book's folder
    const last = started ? get(V12 ? "cmi.core.lesson_location" : "cmi.location") : "";
    frame.src = PAGE.test(last) ? new URL(last, root).href : new URL(SCORM.start, window.location.href).href;
    if (started) {
      // The page the learner is on, so that the next session opens it again.
      frame.addEventListener("load", () => {
        let here = "";
        try {
          here = /** @type {Window} */ (frame.contentWindow).location.href.split("#")[0];
        } catch {
          return; // a page of another site
        }
        if (here.startsWith(root) && PAGE.test(here.slice(root.length))) {
          set(V12 ? "cmi.core.lesson_location" : "cmi.location", here.slice(root.length));
        }
      });
    }
  }

  page.medialit.launcher = { report, finish, started: () => started };
  document.addEventListener("DOMContentLoaded", start); // learners.js, after this file, has run by then
})();
