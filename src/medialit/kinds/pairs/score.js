// @ts-check
// Pairs scoring, the mirror of medialit/kinds/pairs/scoring.py.
import { FormatError, expectId, expectKeys, expectList, explanationOf, item, netScore } from "../../static/scoring.js";

/**
 * @param {any} state
 * @param {any} raw
 * @returns {{pairs: string[][]}}
 */
function parse(state, raw) {
  raw = expectKeys(raw, ["pairs"], ["pairs"]);
  const known = new Set(/** @type {string[]} */ (state.unit_ids));
  const pairs = new Map();
  for (let pair of expectList(raw.pairs, "pairs")) {
    pair = expectList(pair, "a pair");
    if (pair.length !== 2) throw new FormatError("bad_pair");
    const [first, second] = pair.map((unit) => expectId(unit, known, "no_sentence"));
    if (first === second) throw new FormatError("bad_pair");
    const both = [first, second].sort();
    pairs.set(JSON.stringify(both), both);
  }
  return { pairs: [...pairs.values()] };
}

/**
 * Whether `pair` has one sentence in each anchor.
 * @param {string[]} pair
 * @param {any[]} anchors
 */
function matches(pair, anchors) {
  const [first, second] = anchors;
  const [a, b] = pair;
  return (first.units.includes(a) && second.units.includes(b)) || (first.units.includes(b) && second.units.includes(a));
}

/**
 * @param {any} state
 * @param {{pairs: string[][]}} answer
 */
function grade(state, answer) {
  const key = state.key;
  const items = [];
  let earned = 0.0;
  for (const target of key.targets) {
    const found = answer.pairs.some((p) => matches(p, target.anchors));
    const units = target.anchors.flatMap((/** @type {any} */ a) => a.units);
    earned += found ? 1.0 : 0.0;
    items.push(item(target.id, found ? "found" : "missed", found ? 1.0 : 0.0, explanationOf(state, target.id), units));
  }
  // A discussion pair is accepted linked or not: no point earned or lost, its explanation always shown.
  const discussions = key.discussions || [];
  for (const discussion of discussions) {
    const units = discussion.anchors.flatMap((/** @type {any} */ a) => a.units);
    items.push(item(discussion.id, "discussion", 0.0, explanationOf(state, discussion.id), units));
  }
  /** @type {Map<string, number>} */
  const order = new Map(state.unit_ids.map((/** @type {string} */ u, /** @type {number} */ i) => [u, i]));
  const place = (/** @type {string} */ unit) => order.get(unit) ?? 0;
  const stray = answer.pairs
    .filter((p) => ![...key.targets, ...discussions].some((t) => matches(p, t.anchors)))
    .map((p) => [...p].sort((a, b) => place(a) - place(b)));
  stray.sort((p, q) => place(p[0]) - place(q[0]) || place(p[1]) - place(q[1]));
  for (const units of stray) {
    const distractor = key.distractors.find((/** @type {any} */ d) => matches(units, d.anchors));
    const explanation = distractor ? explanationOf(state, distractor.id) : key.messages.unlisted_pair;
    items.push(item(`pair:${units[0]}|${units[1]}`, "false_alarm", 1.0, explanation, units));
  }
  return { exercise: state.id, score: netScore(earned, stray.length), max_score: state.max_score, items };
}

/** @type {import("../../static/scoring.js").Scorer} */
export const pairsScore = { parse, grade };
