// The static-book host: finds every exercise on the page, gives each a small model (get/set/on/off/save_changes)
// and renders the widget into it. It scores submissions with scoring.js, as Python does in a live kernel.
// Progress is kept in localStorage under "medialit:v1:<id>:<content_hash>" as
// {submission, revealed, hints_shown, answered_at, score, max_score}; "medialit:v1-meta" holds {created, learner}.
// Each save is announced with a "medialit:progress" event, which progress.js (on every page) listens to.

const SOURCES = window.MEDIALIT_SOURCES;
const STORE = "medialit:v1:";
const META = "medialit:v1-meta";

const load = (source) => import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: progress is simply not kept
  }
}

/** Saved progress for this version of the exercise; drops older versions. Returns [progress, dropped]. */
function recall(state) {
  const store = storage();
  if (!store) return [null, false];
  const prefix = `${STORE}${state.id}:`;
  const current = prefix + state.content_hash;
  let dropped = false;
  try {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const name = store.key(i);
      if (name && name.startsWith(prefix) && name !== current) {
        store.removeItem(name);
        dropped = true;
      }
    }
    const saved = JSON.parse(store.getItem(current));
    if (saved && typeof saved === "object" && !Array.isArray(saved)) return [saved, dropped];
  } catch {
    // Corrupt or unreadable progress is ignored.
  }
  return [null, dropped];
}

function keep(state, data) {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(`${STORE}${state.id}:${state.content_hash}`, JSON.stringify(data));
    let meta = null;
    try {
      meta = JSON.parse(store.getItem(META));
    } catch {
      meta = null; // corrupt: start a new record
    }
    if (!meta || typeof meta !== "object" || Array.isArray(meta)) meta = {};
    if (typeof meta.created !== "string") {
      meta.created = new Date().toISOString();
      store.setItem(META, JSON.stringify(meta));
    }
  } catch {
    // A full or blocked storage only means progress is not kept.
  }
  window.dispatchEvent(new CustomEvent("medialit:progress", { detail: { id: state.id } }));
}

function createModel(state, saved, scoring) {
  const data = { state, submission: null, result: null, revealed: false, hints_shown: 0 };
  let answeredAt = null;
  if (saved) {
    if (saved.submission && typeof saved.submission === "object") data.submission = saved.submission;
    data.revealed = saved.revealed === true;
    data.hints_shown = Number.isInteger(saved.hints_shown) ? Math.max(0, saved.hints_shown) : 0;
    if (typeof saved.answered_at === "string") answeredAt = saved.answered_at;
  }
  const listeners = new Map();
  const emit = (name) => (listeners.get(name) || []).slice().forEach((callback) => callback());

  function scored(submission) {
    if (!submission) return null;
    if (!state.key) return { recorded: true, exercise: state.id };
    try {
      return scoring.score(state, submission.answer);
    } catch (error) {
      if (error instanceof scoring.FormatError) return { error: error.message };
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
    keep(state, {
      submission: data.submission,
      revealed: data.revealed,
      hints_shown: data.hints_shown,
      answered_at: data.submission ? answeredAt : null,
      score: scored ? result.score : null,
      max_score: scored ? result.max_score : null,
    });
  }

  let lastSubmission = data.submission;
  const model = {
    get: (name) => data[name],
    set(name, value) {
      const old = data[name];
      data[name] = value;
      if (old !== value) emit(`change:${name}`);
    },
    on(name, callback) {
      if (!listeners.has(name)) listeners.set(name, []);
      listeners.get(name).push(callback);
    },
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

function documentFor(slug) {
  for (const script of document.querySelectorAll("script.medialit-document")) {
    if (script.dataset.slug === slug) return JSON.parse(script.textContent);
  }
  return null;
}

/** The exercise's state, with each document (written once per page, named by its slug) put back in. */
function stateFor(id) {
  for (const script of document.querySelectorAll("script.medialit-state")) {
    if (script.dataset.for !== id) continue;
    const state = JSON.parse(script.textContent);
    state.documents = state.documents.map((doc) => (typeof doc === "string" ? documentFor(doc) : doc));
    return state.documents.every(Boolean) ? state : null;
  }
  return null;
}

async function start() {
  const [widget, scoring] = await Promise.all([load(SOURCES.widget), load(SOURCES.scoring)]);
  for (const host of document.querySelectorAll("div.medialit-exercise[data-medialit-id]")) {
    if (host.dataset.medialitReady) continue;
    host.dataset.medialitReady = "true";
    const state = stateFor(host.dataset.medialitId);
    if (!state) continue;
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
    widget.default.render({ model: createModel(state, saved, scoring), el: mount });
  }
}

start();
