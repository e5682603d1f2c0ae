// @ts-check
// Reflection scoring, the mirror of medialit/kinds/reflection/scoring.py: the chosen view first, then every other
// view, each with its feedback; never scored.
import { explanationOf, item } from "../../static/scoring.js";
import { parseChoices } from "../choice/score.js";

/**
 * @param {any} state
 * @param {{choices: Set<string>}} answer
 */
function grade(state, answer) {
  const options = /** @type {any[]} */ (state.key.options);
  const chosen = options.filter((o) => answer.choices.has(o.id));
  const others = options.filter((o) => !answer.choices.has(o.id));
  const items = [
    ...chosen.map((o) => item(o.id, "chosen", 0.0, explanationOf(state, o.id))),
    ...others.map((o) => item(o.id, "view", 0.0, explanationOf(state, o.id))),
  ];
  return { exercise: state.id, score: 0.0, max_score: state.max_score, items };
}

/** @type {import("../../static/scoring.js").Scorer} */
export const reflectionScore = { parse: parseChoices, grade };
