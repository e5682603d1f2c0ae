// @ts-check
// The learner's answers in a few characters, for SCORM's suspend_data (SCORM 1.2 keeps at most 4,096 characters).
// Only what resuming needs is kept, one record per answered exercise:
//   [index, answer, checks, flags, seconds, score, first answer]
// * index: the exercise's place in the book's reading order (window.MEDIALIT_SCORM.exercises);
// * answer, first answer: the answer's JSON with every id of the exercise (its sentences, kinds and options, listed
//   in MEDIALIT_SCORM.exercises[index].ids; a search task's verdicts, results and searches too) written as its
//   number in that list, and each object written as an array that starts with one letter per key (KEYS: "marks" is
//   "m"); an object with another key, and any number, is kept as it is inside {"=": value}. The first answer is 0 when it is the answer itself, 1 when there is none;
// * checks: how many times Check was pressed; flags: revealed (1) + confidence × 2 + hints shown × 8;
// * seconds: when it was answered, in seconds after the earliest answer (the data's first element);
//   the milliseconds are not kept;
// * score: the points the book gave it (4 decimals), or null.
// Trailing fields equal to their default (checks 1, flags 0, seconds 0, score null, first answer 0) are left out.
// The whole is "1" (the version of this layout) followed by the JSON [earliest second, record, record, ...].

(() => {
  const page = /** @type {Window & typeof globalThis & {medialit: any}} */ (window);
  page.medialit = page.medialit || {};

  const VERSION = "1";
  const KEYS = { c: "choices", m: "marks", u: "unit", l: "label", n: "none", p: "pairs", v: "verdict", e: "evidence", s: "searched" };
  /** @type {Record<string, string>} */
  const CODES = Object.fromEntries(Object.entries(KEYS).map(([code, key]) => [key, code]));
  const DEFAULTS = [null, null, 1, 0, 0, null, 0];

  /** @param {any} value */
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  /**
   * @param {any} value
   * @param {Map<string, number>} ids
   * @returns {any}
   */
  function encodeValue(value, ids) {
    if (typeof value === "string") return ids.has(value) ? ids.get(value) : value;
    if (typeof value === "number") return { "=": value };
    if (Array.isArray(value)) {
      const items = value.map((item) => encodeValue(item, ids));
      return items.length && typeof items[0] === "string" ? ["", ...items] : items;
    }
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (!keys.length || !keys.every((key) => key in CODES)) return { "=": value };
      return [keys.map((key) => CODES[key]).join(""), ...keys.map((key) => encodeValue(value[key], ids))];
    }
    return value; // true, false, null
  }

  /**
   * @param {any} value
   * @param {string[]} list
   * @returns {any}
   */
  function decodeValue(value, list) {
    if (typeof value === "number") {
      if (!Number.isInteger(value) || value < 0 || value >= list.length) throw new Error("unknown id");
      return list[value];
    }
    if (Array.isArray(value)) {
      if (value.length && typeof value[0] === "string") {
        if (value[0] === "") return value.slice(1).map((item) => decodeValue(item, list));
        const keys = Array.from(value[0], (code) => {
          if (!(code in KEYS)) throw new Error("unknown key");
          return KEYS[/** @type {keyof typeof KEYS} */ (code)];
        });
        if (keys.length !== value.length - 1) throw new Error("wrong length");
        return Object.fromEntries(keys.map((key, i) => [key, decodeValue(value[i + 1], list)]));
      }
      return value.map((item) => decodeValue(item, list));
    }
    if (isObject(value)) {
      if (!("=" in value)) throw new Error("unknown object");
      return value["="];
    }
    return value;
  }

  /**
   * Encode saved answers.
   * @param {{ids: string[]}[]} exercises the book's exercises in reading order
   * @param {(any | null)[]} saved each exercise's saved record {submission, revealed, hints_shown, answered_at, score}
   * @returns {string}
   */
  function encode(exercises, saved) {
    const rows = [];
    const times = saved.map((record) => (record && typeof record.answered_at === "string"
      ? Math.floor(Date.parse(record.answered_at) / 1000) : NaN));
    const known = times.filter(Number.isFinite);
    const start = known.length ? Math.min(...known) : 0;
    saved.forEach((record, index) => {
      if (!isObject(record) || !isObject(record.submission) || !isObject(record.submission.answer)) return;
      const ids = new Map(exercises[index].ids.map((id, n) => [id, n]));
      const submission = record.submission;
      const answer = encodeValue(submission.answer, ids);
      const first = !isObject(submission.first_answer) ? 1
        : JSON.stringify(submission.first_answer) === JSON.stringify(submission.answer) ? 0
          : encodeValue(submission.first_answer, ids);
      const confidence = [1, 2, 3].includes(submission.confidence) ? submission.confidence : 0;
      const hints = Number.isInteger(record.hints_shown) && record.hints_shown > 0 ? record.hints_shown : 0;
      const checks = Number.isInteger(submission.count) && submission.count >= 0 ? submission.count : 0;
      const score = typeof record.score === "number" && Number.isFinite(record.score)
        ? Math.round(record.score * 10000) / 10000 : null;
      const row = [index, answer, checks, (record.revealed === true ? 1 : 0) + confidence * 2 + hints * 8,
        Number.isFinite(times[index]) ? times[index] - start : null, score, first];
      while (row.length > 2 && row[row.length - 1] === DEFAULTS[row.length - 1]) row.pop();
      rows.push(row);
    });
    return VERSION + JSON.stringify([start, ...rows]);
  }

  /**
   * The saved records that `text` holds, by exercise index; unreadable records are counted, never guessed.
   * @param {{ids: string[], max_score: number | null}[]} exercises
   * @param {string} text
   * @returns {{records: Map<number, any>, dropped: number}}
   */
  function decode(exercises, text) {
    const records = new Map();
    if (!text) return { records, dropped: 0 };
    let data;
    try {
      data = text.startsWith(VERSION) ? JSON.parse(text.slice(VERSION.length)) : null;
    } catch {
      data = null;
    }
    if (!Array.isArray(data) || typeof data[0] !== "number") return { records, dropped: 1 };
    const start = data[0];
    let dropped = 0;
    for (const row of data.slice(1)) {
      try {
        if (!Array.isArray(row) || row.length < 2) throw new Error("not a record");
        const full = [...row, ...DEFAULTS.slice(row.length)];
        const [index, answer, checks, flags, seconds, score, first] = full;
        if (!Number.isInteger(index) || index < 0 || index >= exercises.length) throw new Error("unknown exercise");
        const list = exercises[index].ids;
        const given = decodeValue(answer, list);
        if (!isObject(given)) throw new Error("not an answer");
        const confidence = (flags >> 1) & 3;
        records.set(index, {
          submission: {
            answer: given,
            count: Number.isInteger(checks) ? checks : 0,
            confidence: confidence ? confidence : null,
            first_answer: first === 0 ? given : first === 1 ? null : decodeValue(first, list),
          },
          revealed: (flags & 1) === 1,
          hints_shown: Number.isInteger(flags) ? flags >> 3 : 0,
          answered_at: typeof seconds === "number" ? new Date((start + seconds) * 1000).toISOString() : null,
          score: typeof score === "number" ? score : null,
          max_score: typeof score === "number" ? exercises[index].max_score : null,
        });
      } catch {
        dropped += 1;
      }
    }
    return { records, dropped };
  }

  /** One answer in its short form, with the ids of its exercise as numbers.
   * @param {any} answer @param {string[]} list */
  const encodeAnswer = (answer, list) => encodeValue(answer, new Map(list.map((id, n) => [id, n])));

  page.medialit.scormCodec = { encode, decode, encodeAnswer };
})();
