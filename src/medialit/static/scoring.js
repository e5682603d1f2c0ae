// @ts-check
// Scoring for the static book, shared by every kind: the mirror of medialit/scoring (format errors, helpers) and the
// entry points. Each kind's own rule is in medialit/kinds/<kind>/score.js; the joiner (medialit.frontend) puts the
// parts into one module and registers each kind in SCORERS. Results have the shape of Python's Result.as_dict():
// {exercise, score, max_score, items: [{id, verdict, credit, explanation, units, label}]}. The maximum is never
// computed here: it is state.max_score, computed by Python.

/**
 * @typedef {{id: string, verdict: string, credit: number, explanation: string, units: string[], label: string | null}} Item
 * @typedef {{exercise: string, score: number, max_score: number, items: Item[]}} ScoreResult
 * @typedef {{parse: (state: any, raw: any) => any, grade: (state: any, answer: any) => ScoreResult}} Scorer
 */

/** @type {Record<string, string>} Format messages by code; the joiner fills it from Python's FORMAT_MESSAGES. */
export const FORMAT_MESSAGES = {};

/** @type {Record<string, Scorer>} Each kind's parse and grade, by type; the joiner fills it. */
export const SCORERS = {};

/**
 * A message of the table with its `{name}` fields filled (lists joined by ", "), as Python's format_message.
 * @param {string} code
 * @param {Record<string, string | string[]>} params
 */
export function formatMessage(code, params) {
  return FORMAT_MESSAGES[code].replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    return Array.isArray(value) ? value.join(", ") : String(value);
  });
}

/** An answer that cannot be read: malformed, not wrong. `code` names its message; `params` fill it. */
export class FormatError extends Error {
  /**
   * @param {string} code
   * @param {Record<string, string | string[]>} [params]
   */
  constructor(code, params = {}) {
    super(formatMessage(code, params));
    this.name = "FormatError";
    this.code = code;
    this.params = params;
  }
}

/** @param {any} value */
export const isDict = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * @param {object} object
 * @param {string} key
 */
export const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * What kind of JSON value `value` is, in words (Python's json_type says the same).
 * @param {any} value
 */
export function jsonType(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return "true or false";
  if (typeof value === "number") return "a number";
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return "a list";
  return "an object";
}

/**
 * `raw` if it is an object with only `allowed` keys and every `required` one, else a FormatError.
 * @param {any} raw
 * @param {string[]} allowed
 * @param {string[]} required
 * @param {string} [name]
 */
export function expectKeys(raw, allowed, required, name = "an answer") {
  if (!isDict(raw)) throw new FormatError("not_object", { name, type: jsonType(raw) });
  const unknown = Object.keys(raw).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new FormatError("unknown_fields", { fields: unknown.sort(), expected: allowed });
  const missing = required.filter((k) => !has(raw, k));
  if (missing.length) throw new FormatError("missing_fields", { fields: missing });
  return raw;
}

/**
 * @param {any} value
 * @param {string} name
 * @returns {any[]}
 */
export function expectList(value, name) {
  if (!Array.isArray(value)) throw new FormatError("not_list", { name, type: jsonType(value) });
  return value;
}

/**
 * `value` if it is one of the `known` ids, else a FormatError `code` (or `not_id`).
 * @param {any} value
 * @param {Set<string>} known
 * @param {string} code
 * @returns {string}
 */
export function expectId(value, known, code) {
  if (typeof value !== "string") throw new FormatError("not_id", { type: jsonType(value) });
  if (!known.has(value)) throw new FormatError(code, { id: value });
  return value;
}

/**
 * Net-correct: points earned minus points lost, never below zero.
 * @param {number} earned
 * @param {number} lost
 */
export const netScore = (earned, lost) => Math.max(0, earned - lost);

/**
 * Rounded to 9 decimal places with the same steps as Python's scoring.common.tidy.
 * @param {number} value
 */
export const tidy = (value) => Math.floor(value * 1e9 + 0.5) / 1e9;

/**
 * @param {string} id
 * @param {string} verdict
 * @param {number} credit
 * @param {string} explanation
 * @param {string[]} [units]
 * @param {string | null} [label]
 * @returns {Item}
 */
export const item = (id, verdict, credit, explanation, units = [], label = null) => ({
  id,
  verdict,
  credit,
  explanation,
  units: [...units],
  label,
});

/**
 * The explanation (or feedback) of the key's item `id`: the key view holds each text once.
 * @param {any} state
 * @param {string} id
 * @returns {string}
 */
export function explanationOf(state, id) {
  const found = (state.key_view ? state.key_view.items : []).find((/** @type {any} */ i) => i.id === id);
  return found ? found.explanation : "";
}

/** @param {any} state */
function scorer(state) {
  const found = SCORERS[state.type];
  if (!found) throw new Error(`unhandled exercise type ${state.type}`);
  return found;
}

/**
 * The typed answer for `raw`; throws FormatError if it is malformed.
 * @param {any} state
 * @param {any} raw
 */
export function parse(state, raw) {
  return scorer(state).parse(state, raw);
}

/**
 * Grade a parsed answer; needs `state.key` (absent in exam mode).
 * @param {any} state
 * @param {any} answer
 * @returns {ScoreResult}
 */
export function grade(state, answer) {
  if (!state.key) throw new Error("this exercise carries no answer key (exam mode)");
  return scorer(state).grade(state, answer);
}

/**
 * Parse and grade a raw answer; throws FormatError if it is malformed.
 * @param {any} state
 * @param {any} raw
 */
export function score(state, raw) {
  return grade(state, parse(state, raw));
}
