// @ts-check
// Search scoring, the mirror of medialit/kinds/search/scoring.py: a verdict (1 point if right) and the evidence
// (net-correct: +1 per supporting result ticked, -1 per weak one, never below 0); the searches are recorded only.
import { FormatError, expectId, expectKeys, expectList, explanationOf, item, netScore } from "../../static/scoring.js";

const FIELDS = ["verdict", "evidence", "searched"];

/**
 * A list of known ids, each once.
 * @param {any} value
 * @param {string} name
 * @param {Set<string>} known
 * @param {string} code
 * @returns {string[]}
 */
function ids(value, name, known, code) {
  /** @type {string[]} */
  const found = [];
  for (const raw of expectList(value, name)) {
    const id = expectId(raw, known, code);
    if (found.includes(id)) throw new FormatError("twice", { id, name });
    found.push(id);
  }
  return found;
}

/**
 * Read `{"verdict": id or null, "evidence": [result ids], "searched": [query ids]}`.
 * @param {any} state
 * @param {any} raw
 * @returns {{verdict: string | null, evidence: Set<string>, searched: string[]}}
 */
function parse(state, raw) {
  raw = expectKeys(raw, FIELDS, ["verdict", "evidence"]);
  const verdicts = new Set(state.options.map((/** @type {any} */ o) => o.id));
  const verdict = raw.verdict === null ? null : expectId(raw.verdict, verdicts, "no_verdict");
  const search = state.search || { queries: [], results: [] };
  const results = new Set(search.results.map((/** @type {any} */ r) => r.id));
  const queries = new Set(search.queries.map((/** @type {any} */ q) => q.id));
  const evidence = new Set(ids(raw.evidence, "evidence", results, "no_result"));
  const searched = ids(Object.prototype.hasOwnProperty.call(raw, "searched") ? raw.searched : [], "searched", queries, "no_query");
  return { verdict, evidence, searched };
}

/**
 * @param {any} state
 * @param {{verdict: string | null, evidence: Set<string>, searched: string[]}} answer
 */
function grade(state, answer) {
  const items = [];
  const options = /** @type {any[]} */ (state.key.options);
  let verdictPoints = 0.0;
  for (const option of options) {
    if (option.id !== answer.verdict) continue;
    verdictPoints = option.correct ? 1.0 : 0.0;
    items.push(item(option.id, option.correct ? "found" : "false_alarm", verdictPoints, explanationOf(state, option.id)));
  }
  if (!options.some((o) => o.correct && o.id === answer.verdict)) {
    for (const option of options) if (option.correct) items.push(item(option.id, "missed", 0.0, explanationOf(state, option.id)));
  }
  let earned = 0.0;
  let lost = 0.0;
  for (const result of state.key.results) {
    const ticked = answer.evidence.has(result.id);
    const why = explanationOf(state, result.id);
    if (ticked && result.supports === null) {
      items.push(item(result.id, "discussion", 0.0, why));
    } else if (ticked && result.supports) {
      earned += 1.0;
      items.push(item(result.id, "found", 1.0, why));
    } else if (ticked) {
      lost += 1.0;
      items.push(item(result.id, "false_alarm", 1.0, why));
    } else if (result.supports) {
      items.push(item(result.id, "missed", 0.0, why));
    }
  }
  return { exercise: state.id, score: verdictPoints + netScore(earned, lost), max_score: state.max_score, items };
}

/** @type {import("../../static/scoring.js").Scorer} */
export const searchScore = { parse, grade };
