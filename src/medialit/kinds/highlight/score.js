// @ts-check
// Highlight scoring, the mirror of medialit/kinds/highlight/scoring.py (the rule is told there).
import { FormatError, expectId, expectKeys, expectList, explanationOf, has, item, netScore, tidy } from "../../static/scoring.js";

// Half credit for a target sentence marked only with other kinds; also the cost of a wrong kind beside a right one.
const HALF = 0.5;

/**
 * @param {string} unit
 * @param {string | null} label
 */
const markId = (unit, label) => `unit:${unit}` + (label !== null ? `@${label}` : "");

/**
 * Every kind that counts as right for a target: its label, then its alternatives.
 * @param {any} target
 * @returns {(string | null)[]}
 */
const targetKinds = (target) => [target.label ?? null, ...(target.also_accept || [])];

/**
 * What one false alarm costs: max(1, T / I), I being the sentences no target covers (counted as 1 if none).
 * @param {any} state
 */
function highlightWeight(state) {
  const targets = state.key.targets;
  const covered = new Set(targets.flatMap((/** @type {any} */ t) => t.anchors[0].units));
  const innocent = state.unit_ids.filter((/** @type {string} */ u) => !covered.has(u)).length;
  return Math.max(1.0, targets.length / Math.max(1, innocent));
}

/**
 * @param {any} state
 * @param {string} unit
 * @param {string | null} label
 * @param {number} cost
 */
function falseAlarm(state, unit, label, cost) {
  const key = state.key;
  const distractor = key.distractors.find((/** @type {any} */ d) => d.anchors[0].units.includes(unit));
  const explanation = distractor ? explanationOf(state, distractor.id) : key.messages.unlisted_passage;
  return item(markId(unit, label), "false_alarm", cost, explanation, [unit], label);
}

/**
 * @param {any} state
 * @param {any} raw
 * @returns {{marks: Map<string, [string, string | null]>, none: boolean}}
 */
function parse(state, raw) {
  raw = expectKeys(raw, ["marks", "none"], ["marks"]);
  const none = has(raw, "none") ? raw.none : false;
  if (typeof none !== "boolean") throw new FormatError("none_not_bool");
  const known = new Set(/** @type {string[]} */ (state.unit_ids));
  const labelIds = state.labels.map((/** @type {any} */ l) => l.id);
  const labels = new Set(labelIds);
  /** @type {Map<string, [string, string | null]>} */
  const marks = new Map();
  for (let mark of expectList(raw.marks, "marks")) {
    mark = expectKeys(mark, ["unit", "label"], ["unit"], "a mark");
    const unit = expectId(mark.unit, known, "no_sentence");
    const label = has(mark, "label") ? mark.label : null;
    if (labels.size && !(typeof label === "string" && labels.has(label))) {
      throw new FormatError("needs_kind", { unit, kinds: labelIds });
    }
    if (!labels.size && label !== null) throw new FormatError("no_kinds");
    marks.set(JSON.stringify([unit, label]), [unit, label]);
  }
  if (none && marks.size) throw new FormatError("marks_and_none");
  return { marks, none };
}

/**
 * @param {any} state
 * @param {{marks: Map<string, [string, string | null]>, none: boolean}} answer
 */
function grade(state, answer) {
  const key = state.key;
  const items = [];
  let earned = 0.0;
  let lost = 0.0;
  const cost = highlightWeight(state);
  const names = new Map(state.labels.map((/** @type {any} */ l) => [l.id, l.name]));
  /** @type {Map<string, Set<string | null>>} unit -> kinds ticked */
  const marked = new Map();
  for (const [unit, label] of answer.marks.values()) {
    if (!marked.has(unit)) marked.set(unit, new Set());
    marked.get(unit)?.add(label);
  }
  /** @type {Map<string, Set<string | null>>} target sentence -> every kind a target on it accepts */
  const accepted = new Map();
  for (const target of key.targets) {
    for (const unit of target.anchors[0].units) {
      if (!accepted.has(unit)) accepted.set(unit, new Set());
      for (const kind of targetKinds(target)) accepted.get(unit)?.add(kind);
    }
  }
  const half = new Set(); // target sentences credited only through kinds no target there accepts
  for (const target of key.targets) {
    /** @type {string[]} */
    const units = target.anchors[0].units;
    const ok = targetKinds(target);
    /** @type {number[]} */
    const shares = units.map((unit) => {
      const kinds = marked.get(unit) || new Set();
      if (ok.some((k) => kinds.has(k))) return 1.0;
      if ([...kinds].some((k) => !accepted.get(unit)?.has(k))) {
        half.add(unit);
        return HALF;
      }
      return 0.0;
    });
    const credit = shares.reduce((a, b) => a + b, 0) / units.length;
    earned += credit;
    let explanation = explanationOf(state, target.id);
    if (shares.includes(HALF)) {
      const kind = ok.filter((k) => names.has(k)).map((k) => names.get(k)).join(", or ");
      const right = key.messages.right_sentence.replaceAll("{kind}", () => kind);
      explanation = explanation ? `${right} ${explanation}` : right;
    }
    const label = target.label ?? null;
    items.push(item(target.id, credit > 0 ? "found" : "missed", credit, explanation, units, label));
  }
  /** @type {Map<string, number>} */
  const order = new Map(state.unit_ids.map((/** @type {string} */ u, /** @type {number} */ i) => [u, i]));
  const marks = [...answer.marks.values()];
  const place = (/** @type {string} */ unit) => order.get(unit) ?? 0;
  const byKind = (/** @type {string | null} */ a, /** @type {string | null} */ b) =>
    (a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0;
  marks.sort((a, b) => place(a[0]) - place(b[0]) || byKind(a[1], b[1]));
  for (const [unit, label] of marks) {
    const kinds = accepted.get(unit);
    if (!kinds) {
      items.push(falseAlarm(state, unit, label, cost));
      lost += cost;
    } else if (!kinds.has(label) && !half.has(unit)) {
      items.push(item(markId(unit, label), "false_alarm", HALF, key.messages.wrong_kind, [unit], label));
      lost += HALF;
    }
  }
  if (!key.targets.length) {
    earned += answer.none ? 1.0 : 0.0;
    items.unshift(item("none", answer.none ? "found" : "missed", answer.none ? 1.0 : 0.0, key.none_feedback));
  } else if (answer.none) {
    items.push(item("none", "false_alarm", cost, key.none_feedback || key.messages.none_but_there_is));
    lost += cost;
  }
  const maxScore = state.max_score;
  return { exercise: state.id, score: Math.min(maxScore, tidy(netScore(earned, lost))), max_score: maxScore, items };
}

/** @type {import("../../static/scoring.js").Scorer} */
export const highlightScore = { parse, grade };
