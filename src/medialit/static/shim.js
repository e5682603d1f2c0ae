// @ts-check
// The static-book host: finds every exercise on the page, gives each a small model (get/set/on/off/save_changes)
// and renders the widget into it. The page's bundle (medialit.frontend: the widget with the views and scoring of the
// kinds on the page) scores submissions, as Python does in a live kernel.
// Progress is kept in localStorage for the learner working now (learners.js: one browser can be shared by several
// learners), under "medialit:v2:<learner key>:<id>:<content_hash>" as
// {submission, revealed, hints_shown, answered_at, score, max_score}; the learner's record
// "medialit:v2-meta:<learner key>" holds {created, learner}.
// Each save is announced with a "medialit:progress" event, which progress.js (on every page) listens to. When the
// storage refuses a save (full), the exercise says so at once and offers the download of every answer.

/** @type {any} The page's globals: page.medialit.widget (the bundle) and page.medialit.learners (learners.js), both
 * set by the scripts the page runs just before this one. */
const page = window;
/** @type {any} */
let learners = null; // page.medialit.learners

/** localStorage, or the SCORM launcher's store: learners.js decides. */
function storage() {
  return learners ? learners.storage() : null;
}

/**
 * Saved progress for this version of the exercise; drops older versions. Returns [progress, dropped].
 * @param {any} state
 * @returns {[any, boolean]}
 */
function recall(state) {
  const store = storage();
  if (!store) return [null, false];
  const current = learners.answerName(state.id, state.content_hash);
  const prefix = current.slice(0, current.length - state.content_hash.length);
  let dropped = false;
  try {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const name = store.key(i);
      if (name && name.startsWith(prefix) && name !== current) {
        store.removeItem(name);
        dropped = true;
      }
    }
    const saved = JSON.parse(store.getItem(current) || "null");
    if (saved && typeof saved === "object" && !Array.isArray(saved)) return [saved, dropped];
  } catch {
    // Corrupt or unreadable progress is ignored.
  }
  return [null, dropped];
}

// Answers the storage had no room for, by storage key: progress.js counts them and puts them in the hand-in, so
// that the learner can still download what is on screen.
page.medialit = page.medialit || {};
page.medialit.unsaved = page.medialit.unsaved || new Map();

/**
 * Save the exercise's progress; false when the storage refused it (full or blocked).
 * @param {any} state
 * @param {any} data
 */
function keep(state, data) {
  const store = storage();
  const name = learners.answerName(state.id, state.content_hash);
  const metaKey = learners.metaName();
  let saved = false;
  if (store) {
    try {
      store.setItem(name, JSON.stringify(data));
      saved = true;
      let meta = null;
      try {
        meta = JSON.parse(store.getItem(metaKey) || "null");
      } catch {
        meta = null; // corrupt: start a new record
      }
      if (!meta || typeof meta !== "object" || Array.isArray(meta)) meta = {};
      if (typeof meta.created !== "string") {
        meta.created = new Date().toISOString();
        store.setItem(metaKey, JSON.stringify(meta));
      }
    } catch {
      // A full storage: the answer itself is told about below; a missing start time is no loss.
    }
  }
  if (saved) page.medialit.unsaved.delete(name);
  else page.medialit.unsaved.set(name, data);
  window.dispatchEvent(new CustomEvent("medialit:progress", { detail: { id: state.id } }));
  return saved || !store;
}

/**
 * The message inside an exercise when its answer could not be saved, with the download of every answer.
 * @param {HTMLElement} host
 */
function saveAlert(host) {
  const box = document.createElement("div");
  box.className = "medialit-save-alert";
  const text = document.createElement("p");
  text.setAttribute("role", "alert");
  const result = document.createElement("p");
  result.setAttribute("role", "status");
  const field = document.createElement("p");
  const label = document.createElement("label");
  const input = document.createElement("input");
  input.type = "text";
  input.maxLength = 200;
  input.id = `${host.id || "medialit"}-save-name-${Math.random().toString(36).slice(2, 8)}`;
  label.htmlFor = input.id;
  label.textContent = "Your name";
  field.append(label, " ", input);
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Download my answers";
  button.addEventListener("click", () => {
    const api = page.medialit;
    const learner = input.value.trim() || (api.learnerName ? api.learnerName() : "");
    if (!learner) {
      result.textContent = "Type your name first, so that your teacher knows whose answers these are.";
      input.focus();
      return;
    }
    result.textContent = api.downloadAnswers ? api.downloadAnswers(learner, "json") : "";
  });
  box.append(text, field, button, result);
  return {
    show() {
      const api = page.medialit;
      field.hidden = Boolean(api.learnerName && api.learnerName());
      if (!box.isConnected) host.append(box);
      text.textContent = "";
      text.textContent = "Your browser's storage is full: this answer is not saved. Download your answers now.";
    },
    hide() {
      box.remove();
    },
  };
}

/**
 * The model of one exercise: its traits, kept in the storage; a submission is scored by the bundle.
 * @param {any} state
 * @param {any} saved
 * @param {any} scoring
 * @param {{show: () => void, hide: () => void}} alert
 */
function createModel(state, saved, scoring, alert) {
  /** @type {Record<string, any>} */
  const data = { state, submission: null, result: null, revealed: false, hints_shown: 0 };
  let answeredAt = null;
  if (saved) {
    if (saved.submission && typeof saved.submission === "object") data.submission = saved.submission;
    data.revealed = saved.revealed === true;
    data.hints_shown = Number.isInteger(saved.hints_shown) ? Math.max(0, saved.hints_shown) : 0;
    if (typeof saved.answered_at === "string") answeredAt = saved.answered_at;
  }
  /** @type {Map<string, (() => void)[]>} */
  const listeners = new Map();
  const emit = (/** @type {string} */ name) => (listeners.get(name) || []).slice().forEach((callback) => callback());

  /**
   * The result of a submission: scored, only recorded (no key), or the format error's code and message.
   * @param {any} submission
   * @returns {any}
   */
  function scored(submission) {
    if (!submission) return null;
    if (!state.key) return { recorded: true, exercise: state.id };
    try {
      return scoring.score(state, submission.answer);
    } catch (caught) {
      const error = /** @type {any} */ (caught);
      if (error instanceof scoring.FormatError) return { error: error.message, code: error.code, params: error.params };
      throw error;
    }
  }
  if (data.submission) {
    const result = scored(data.submission);
    if (result && result.error) data.submission = null;
    else data.result = result;
  }

  function persist() {
    const result = data.result;
    const scored = result && typeof result.score === "number";
    const kept = keep(state, {
      submission: data.submission,
      revealed: data.revealed,
      hints_shown: data.hints_shown,
      answered_at: data.submission ? answeredAt : null,
      score: scored ? result.score : null,
      max_score: scored ? result.max_score : null,
    });
    if (kept) alert.hide();
    else alert.show();
  }

  let lastSubmission = data.submission;
  const model = {
    /** @param {string} name */
    get: (name) => data[name],
    /**
     * @param {string} name
     * @param {any} value
     */
    set(name, value) {
      const old = data[name];
      data[name] = value;
      if (old !== value) emit(`change:${name}`);
    },
    /**
     * @param {string} name
     * @param {() => void} callback
     */
    on(name, callback) {
      const list = listeners.get(name) || [];
      listeners.set(name, list);
      list.push(callback);
    },
    /**
     * @param {string} [name]
     * @param {() => void} [callback]
     */
    off(name, callback) {
      if (name === undefined) listeners.clear();
      else if (callback === undefined) listeners.delete(name);
      else listeners.set(name, (listeners.get(name) || []).filter((c) => c !== callback));
    },
    save_changes() {
      if (data.submission === lastSubmission) {
        persist();
        return;
      }
      lastSubmission = data.submission;
      answeredAt = new Date().toISOString();
      const submission = data.submission;
      persist();
      queueMicrotask(() => {
        model.set("result", scored(submission));
        persist();
      });
    },
  };
  return model;
}

/** @param {string} slug */
function documentFor(slug) {
  for (const script of document.querySelectorAll("script.medialit-document")) {
    if (/** @type {HTMLElement} */ (script).dataset.slug === slug) return JSON.parse(script.textContent || "null");
  }
  return null;
}

/**
 * The exercise's state, with each document (written once per page, named by its slug) put back in.
 * @param {string | undefined} id
 */
function stateFor(id) {
  for (const script of document.querySelectorAll("script.medialit-state")) {
    if (/** @type {HTMLElement} */ (script).dataset.for !== id) continue;
    const state = JSON.parse(script.textContent || "null");
    state.documents = state.documents.map((/** @type {any} */ doc) => (typeof doc === "string" ? documentFor(doc) : doc));
    return state.documents.every(Boolean) ? state : null;
  }
  return null;
}

/**
 * Render every exercise of the page that is parsed and not yet rendered.
 * @param {any} widget
 */
function renderParsed(widget) {
  for (const host of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("div.medialit-exercise[data-medialit-id]"))) {
    if (host.dataset.medialitReady) continue;
    let state = null;
    try {
      state = stateFor(host.dataset.medialitId);
    } catch {
      state = null; // its state is not parsed yet: the next pass renders it
    }
    if (!state) continue;
    host.dataset.medialitReady = "true";
    const [saved, dropped] = recall(state);
    host.replaceChildren();
    if (dropped) {
      const notice = document.createElement("p");
      notice.className = "medialit-notice";
      notice.textContent = "This exercise has changed since your last visit, so your earlier answer was cleared.";
      host.append(notice);
    }
    const mount = document.createElement("div");
    host.append(mount);
    widget.default.render({ model: createModel(state, saved, widget, saveAlert(host)), el: mount });
  }
}

// This script runs where the parser meets it, right after the page's first exercise, so that exercise renders at
// once, before the theme's deferred scripts. Each later exercise is followed by a one-line script that calls
// page.medialit.renderParsed(); a last pass runs when the whole page is parsed.
function start() {
  const widget = page.medialit.widget;
  learners = page.medialit.learners;
  page.medialit.renderParsed = () => renderParsed(widget);
  renderParsed(widget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => renderParsed(widget));
}

start();
