// @ts-check
// Choice scoring, the mirror of medialit/kinds/choice/scoring.py.
import { FormatError, expectId, expectKeys, expectList, explanationOf, item, netScore } from "../../static/scoring.js";

/**
 * Read `{"choices": ["option-id", ...]}` (also a reflection's answer).
 * @param {any} state
 * @param {any} raw
 * @returns {{choices: Set<string>}}
 */
export function parseChoices(state, raw) {
  raw = expectKeys(raw, ["choices"], ["choices"]);
  const known = new Set(state.options.map((/** @type {any} */ o) => o.id));
  const choices = new Set();
  for (const choice of expectList(raw.choices, "choices")) choices.add(expectId(choice, known, "no_option"));
  if (!state.multiple && choices.size > 1) throw new FormatError("one_answer");
  return { choices };
}

/**
 * @param {any} state
 * @param {{choices: Set<string>}} answer
 */
function grade(state, answer) {
  const items = [];
  let earned = 0.0;
  let lost = 0.0;
  for (const option of state.key.options) {
    const ticked = answer.choices.has(option.id);
    const feedback = explanationOf(state, option.id);
    if (option.discussion) {
      // A discussion option is accepted ticked or not: no point earned or lost, its feedback always shown.
      items.push(item(option.id, "discussion", 0.0, feedback));
    } else if (ticked && option.correct) {
      earned += 1.0;
      items.push(item(option.id, "found", 1.0, feedback));
    } else if (ticked) {
      lost += 1.0;
      items.push(item(option.id, "false_alarm", 1.0, feedback));
    } else if (option.correct) {
      items.push(item(option.id, "missed", 0.0, feedback));
    }
  }
  return { exercise: state.id, score: netScore(earned, lost), max_score: state.max_score, items };
}

/** @type {import("../../static/scoring.js").Scorer} */
export const choiceScore = { parse: parseChoices, grade };
