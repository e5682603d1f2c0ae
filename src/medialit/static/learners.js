// @ts-check
// Who is working in this browser: several learners can share one device, each with their own saved answers.
// It is loaded in front of progress.js on every page and in front of shim.js wherever exercises are (the page's
// loader, with the hand-in contract as MEDIALIT_CONTRACT), and runs once per page: the first copy defines `window.medialit.learners`, a second copy does nothing.
//
// Storage layout (localStorage, or the SCORM launcher's store: see storage()), with the key prefixes the build writes into the manifest
// (`window.MEDIALIT_BOOK.handin.storage`, from medialit.handin.browser_contract; this file never types them):
//   <answers><learner key>:<exercise id>:<content hash>   one answer {submission, revealed, hints_shown, ...}
//   <meta><learner key>                                   that learner's record {created, learner}
//   <current>                                             who is working now: {key}
// (today "medialit:v2:", "medialit:v2-meta:" and "medialit:v2-current").
// The learner key is the name as the teacher's tools compare names (medialit.handin.learner_key: NFC, invisible
// characters removed, runs of white space made one space, trimmed, case folded as str.casefold does), then
// URL-encoded (encodeURIComponent), so that it never holds a ":" and any name is safe. "Ana", " ana " and "ANA" are
// one learner. Before a name is given, answers go to the unnamed learner, whose key is the empty string (no name
// has an empty key); when a name is given, the unnamed learner's answers become that learner's.
//
// Answers of the earlier layout (<old_answers><id>:<hash> and <old_meta> {created, learner}) are moved once
// to the learner named in <old_meta> (or to the unnamed learner), then removed. If the storage is too full
// for the move, nothing is moved: the earlier keys stay where they are and are read and written as that learner's.

/**
 * @typedef {object} StorageKeys The storage key prefixes (medialit.handin.STORAGE_*).
 * @property {string} answers prefix of one answer
 * @property {string} meta prefix of a learner's record
 * @property {string} current who is working now
 * @property {string} old_answers prefix of an answer of the earlier layout
 * @property {string} old_meta the one record of the earlier layout
 */
/** @typedef {{answers: string, meta: string}} Slot Where one learner's answers and record are kept. */

(() => {
  const page = /** @type {Window & typeof globalThis & {medialit: any, MEDIALIT_BOOK: any, MEDIALIT_CONTRACT: any}} */ (
    window
  );
  page.medialit = page.medialit || {};
  if (page.medialit.learners) return;

  /** @type {StorageKeys} */
  // The book's manifest (progress.js), or, when an exercise page's loader runs first, its copy of the contract.
  const KEYS = (page.MEDIALIT_BOOK ? page.MEDIALIT_BOOK.handin : page.MEDIALIT_CONTRACT).storage;
  const ANSWERS = KEYS.answers;
  const META = KEYS.meta;
  const CURRENT = KEYS.current;
  const OLD_ANSWERS = KEYS.old_answers;
  const OLD_META = KEYS.old_meta;
  const NAME_MAX = 200;
  const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

  /** The SCORM launcher's store, or null outside a learning platform.
   * @returns {Storage | null} */
  function platformStore() {
    for (const place of [window, window.parent]) {
      try {
        const store = /** @type {any} */ (place).MEDIALIT_STORE;
        if (store) return store;
      } catch {
        // A parent page of another site cannot be read: this is not the launcher.
      }
    }
    return null;
  }

  /** Where answers are kept: inside a SCORM package, the launcher's store (the page itself, or the launcher page
   * that holds it in a frame, sets `MEDIALIT_STORE`: a Storage whose contents the learning platform keeps);
   * everywhere else, localStorage. */
  function storage() {
    const store = platformStore();
    if (store) return store;
    try {
      return window.localStorage;
    } catch {
      return null; // storage switched off: nothing is kept
    }
  }

  function names(store) {
    const found = [];
    try {
      for (let i = 0; i < store.length; i += 1) {
        const name = store.key(i);
        if (name !== null) found.push(name);
      }
    } catch {
      // A storage that cannot be listed holds nothing we can use.
    }
    return found;
  }

  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  function readJSON(name) {
    const store = storage();
    if (!store) return null;
    try {
      const value = JSON.parse(store.getItem(name) ?? "null");
      return isObject(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** A name as typed, made safe to keep: lone surrogates become U+FFFD, trimmed, at most 200 characters. */
  function cleanName(name) {
    const text = String(name).replace(LONE_SURROGATE, "\ufffd").trim();
    return Array.from(text).slice(0, NAME_MAX).join("").trim();
  }

  /** One character case folded as Python's str.casefold does: upper case, then lower case, one character at a
   * time (so that a final sigma folds as any other), except where the Unicode folding differs: Cherokee folds to
   * its capitals, the dotless i stays, the capital sharp s becomes "ss". */
  function foldChar(c) {
    if (c === "\u0131") return c;
    if (c === "\u1e9e") return "ss";
    const upper = c.toUpperCase();
    const code = upper.length === 1 ? upper.charCodeAt(0) : 0;
    return code >= 0x13a0 && code <= 0x13f5 ? upper : upper.toLowerCase();
  }

  // White space as Python's str.split() knows it: JavaScript's \s, the separators \x1c-\x1f and NEL (\x85).
  const SPACE = /[\s\x1c-\x1f\x85]+/;

  /** The storage key of a learner's name; "" for a blank name (the unnamed learner). */
  function keyOf(name) {
    const text = cleanName(name).normalize("NFC").replace(INVISIBLE, "").split(SPACE).filter(Boolean).join(" ");
    return encodeURIComponent(Array.from(text, foldChar).join("").normalize("NFC"));
  }

  const validKey = (key) => typeof key === "string" && !key.includes(":");

  // -- the earlier layout ---------------------------------------------------------------------------------------

  /** Set when the move of the earlier layout failed: that learner's answers stay under the earlier keys.
   * @type {string | null} */
  let legacyKey = null;

  /** @returns {Slot} */
  function slot(key) {
    if (legacyKey !== null && key === legacyKey) return { answers: OLD_ANSWERS, meta: OLD_META };
    return { answers: `${ANSWERS}${key}:`, meta: `${META}${key}` };
  }

  const answeredAt = (value) => {
    try {
      const record = JSON.parse(value);
      const time = isObject(record) && typeof record.answered_at === "string" ? Date.parse(record.answered_at) : NaN;
      return Number.isFinite(time) ? time : -Infinity;
    } catch {
      return -Infinity;
    }
  };

  /** Copy every answer of slot `from` into slot `to` (the later answer wins where both have one) and the meta;
   * remove `from` only when every copy was written. Returns whether the move happened. */
  function move(store, from, to, name) {
    /** @type {string[]} */
    const written = [];
    /** @type {[string, string | null][]} */
    const replaced = [];
    try {
      for (const source of names(store).filter((n) => n.startsWith(from.answers))) {
        const target = to.answers + source.slice(from.answers.length);
        const value = store.getItem(source);
        const there = store.getItem(target);
        if (value === null) continue;
        if (there !== null && answeredAt(there) > answeredAt(value)) continue;
        if (there !== null) replaced.push([target, there]);
        store.setItem(target, value);
        written.push(target);
      }
      const old = readJSON(from.meta) || {};
      const meta = readJSON(to.meta) || {};
      const created = [old.created, meta.created].filter((t) => typeof t === "string" && Number.isFinite(Date.parse(t)))
        .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
      const record = { ...meta };
      if (created) record.created = created;
      if (name) record.learner = name;
      else if (typeof old.learner === "string" && old.learner.trim() && !record.learner) record.learner = old.learner;
      const before = store.getItem(to.meta);
      store.setItem(to.meta, JSON.stringify(record));
      replaced.push([to.meta, before]);
      written.push(to.meta);
    } catch {
      // Full: take back what was written, so that nothing is in two places and the old answers stay as they were.
      const back = new Map(replaced);
      for (const target of written) {
        try {
          const earlier = back.get(target);
          if (earlier === undefined || earlier === null) store.removeItem(target);
          else store.setItem(target, earlier);
        } catch {
          // Putting back a value no larger than the copy fits where the copy did.
        }
      }
      return false;
    }
    for (const source of names(store).filter((n) => n.startsWith(from.answers))) store.removeItem(source);
    store.removeItem(from.meta);
    return true;
  }

  function migrate() {
    const store = storage();
    if (!store) return;
    const all = names(store);
    if (!all.some((n) => n.startsWith(OLD_ANSWERS) || n === OLD_META)) return;
    const old = readJSON(OLD_META) || {};
    const name = typeof old.learner === "string" ? cleanName(old.learner) : "";
    const key = keyOf(name);
    const hadCurrent = store.getItem(CURRENT) !== null;
    if (!move(store, { answers: OLD_ANSWERS, meta: OLD_META }, slot(key), name)) {
      legacyKey = key;
      return;
    }
    if (!hadCurrent && key) {
      try {
        store.setItem(CURRENT, JSON.stringify({ key }));
      } catch {
        // The answers are moved; the learner picks their name from the list.
      }
    }
  }

  // -- who is working ------------------------------------------------------------------------------------------

  /** The key of the learner working now ("" for the unnamed learner). */
  function current() {
    const record = readJSON(CURRENT);
    if (record && validKey(record.key)) return record.key;
    return legacyKey !== null ? legacyKey : "";
  }

  function decoded(key) {
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  }

  /** The name of the learner `key` as they typed it ("" for the unnamed learner). */
  function nameOf(key) {
    if (!key) return "";
    const meta = readJSON(slot(key).meta);
    const name = meta && typeof meta.learner === "string" ? cleanName(meta.learner) : "";
    return name && keyOf(name) === key ? name : decoded(key);
  }

  /** Every named learner with something saved in this browser: [{key, name}], by name. */
  function saved() {
    const store = storage();
    const keys = new Set();
    if (store) {
      for (const n of names(store)) {
        if (n.startsWith(META)) keys.add(n.slice(META.length));
        else if (n.startsWith(ANSWERS)) keys.add(n.slice(ANSWERS.length).split(":")[0]);
      }
    }
    if (legacyKey !== null) keys.add(legacyKey);
    keys.delete("");
    return [...keys].filter(validKey).map((key) => ({ key, name: nameOf(key) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Make `name` the learner working now. The unnamed learner's answers become theirs. Returns false when the name
   * is blank or could not be kept (storage full or blocked). */
  function use(name) {
    const clean = cleanName(name);
    const key = keyOf(clean);
    const store = storage();
    if (!key || !store) return false;
    const now = current();
    if (now === key) {
      // The same learner: keep the spelling they typed last.
      try {
        store.setItem(slot(key).meta, JSON.stringify({ ...(readJSON(slot(key).meta) || {}), learner: clean }));
      } catch {
        // The earlier spelling stays.
      }
      return true;
    }
    if (!now && !move(store, slot(""), slot(key), clean)) return false;
    try {
      if (now) store.setItem(slot(key).meta, JSON.stringify({ ...(readJSON(slot(key).meta) || {}), learner: clean }));
      store.setItem(CURRENT, JSON.stringify({ key }));
    } catch {
      return false;
    }
    if (legacyKey === "" && !now) legacyKey = null;
    return true;
  }

  /** Delete the answers of the learner `key`; with `everything`, their name too (and they stop being current). */
  function forget(key, everything) {
    const store = storage();
    if (!store) return;
    const place = slot(key);
    try {
      for (const n of names(store)) if (n.startsWith(place.answers)) store.removeItem(n);
      const meta = readJSON(place.meta);
      if (everything || !meta || typeof meta.learner !== "string") store.removeItem(place.meta);
      else store.setItem(place.meta, JSON.stringify({ learner: meta.learner }));
      if (everything && current() === key) store.removeItem(CURRENT);
    } catch {
      // Nothing more can be done with a blocked storage.
    }
    if (everything && legacyKey === key) legacyKey = null;
    const unsaved = page.medialit.unsaved;
    if (unsaved) for (const n of [...unsaved.keys()]) if (n.startsWith(place.answers)) unsaved.delete(n);
  }

  /** The storage key of one answer of the learner working now. */
  const answerName = (id, hash) => `${slot(current()).answers}${id}:${hash}`;

  /** The storage key of the record {created, learner} of the learner working now. */
  const metaName = () => slot(current()).meta;

  migrate();

  /** Whether the answers live in a learning platform (one learner, named by the platform) rather than this browser. */
  const platform = () => platformStore() !== null;

  page.medialit.learners = { CURRENT, storage, platform, keyOf, current, nameOf, saved, use, forget, answerName, metaName, readJSON };
})();
