// Scoring for the static book: an exact mirror of the Python engine (medialit/scoring/*.py).
// It works from the exercise state alone (state.key holds the answers). Results have the shape of
// Python's Result.as_dict(): {exercise, score, max_score, items: [{id, verdict, credit, explanation, units, label}]}.

/** An answer that cannot be read: malformed, not wrong. */
export class FormatError extends Error {
  constructor(message) {
    super(message);
    this.name = "FormatError";
  }
}

// -- Python-compatible helpers (error messages quote values as Python's repr() does) ------------------------------

const isDict = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** Compare two strings by code point, as Python's sorted() does. */
function compareStrings(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const sortedStrings = (values) => [...values].sort(compareStrings);

/** Python's type(value).__name__ for a JSON value. */
function typeName(value) {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return "list";
  return "dict";
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function reprString(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === quote || char === "\\") out += "\\" + char;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || (char !== " " && NOT_PRINTABLE.test(char))) {
      if (code <= 0xff) out += "\\x" + code.toString(16).padStart(2, "0");
      else if (code <= 0xffff) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += "\\U" + code.toString(16).padStart(8, "0");
    } else out += char;
  }
  return out + quote;
}

function reprFloat(value) {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  let body;
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) body = "0." + "0".repeat(-exponent - 1) + digits;
    else if (digits.length <= exponent + 1) body = digits + "0".repeat(exponent + 1 - digits.length) + ".0";
    else body = digits.slice(0, exponent + 1) + "." + digits.slice(exponent + 1);
  } else {
    const fraction = digits.length > 1 ? "." + digits.slice(1) : "";
    const sign = exponent < 0 ? "-" : "+";
    body = digits[0] + fraction + "e" + sign + String(Math.abs(exponent)).padStart(2, "0");
  }
  return (negative ? "-" : "") + body;
}

/** Python's repr() of a JSON value (an integral number is taken as an int). */
function repr(value) {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
    return reprFloat(value);
  }
  if (typeof value === "string") return reprString(value);
  if (Array.isArray(value)) return "[" + value.map(repr).join(", ") + "]";
  return "{" + Object.keys(value).map((k) => `${reprString(k)}: ${repr(value[k])}`).join(", ") + "}";
}

/** Python's == between JSON values (True == 1, 1 == 1.0). */
function pyEqual(a, b) {
  const numeric = (v) => typeof v === "number" || typeof v === "boolean";
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEqual(v, b[i]));
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => has(b, k) && pyEqual(a[k], b[k]));
  }
  return a === b || (a == null && b == null);
}

/** Membership in a set of strings, as Python's ``value in set_of_str`` (only a string can be a member). */
const member = (value, known) => typeof value === "string" && known.has(value);

function expectKeys(raw, allowed, required) {
  if (!isDict(raw)) throw new FormatError(`an answer must be an object, not ${typeName(raw)}`);
  const keys = Object.keys(raw);
  const unknown = keys.filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new FormatError(`unknown answer fields ${repr(sortedStrings(unknown))}; expected ${repr(sortedStrings(allowed))}`);
  }
  const missing = required.filter((k) => !has(raw, k));
  if (missing.length) throw new FormatError(`missing answer fields ${repr(sortedStrings(missing))}`);
  return raw;
}

function expectList(value, name) {
  if (!Array.isArray(value)) throw new FormatError(`${name} must be a list, not ${typeName(value)}`);
  return value;
}

const netScore = (earned, lost) => Math.max(0, earned - lost);

const item = (id, verdict, credit, explanation, units = [], label = null) => ({
  id,
  verdict,
  credit,
  explanation,
  units: [...units],
  label,
});

const markKey = (unit, label) => JSON.stringify([unit, label]);

// -- highlight ---------------------------------------------------------------------------------------------------

function parseHighlight(state, raw) {
  raw = expectKeys(raw, ["marks", "none"], ["marks"]);
  const none = has(raw, "none") ? raw.none : false;
  if (typeof none !== "boolean") throw new FormatError("none must be true or false");
  const known = new Set(state.unit_ids);
  const labels = new Set(state.labels.map((l) => l.id));
  const marks = new Map();
  for (let mark of expectList(raw.marks, "marks")) {
    mark = expectKeys(mark, ["unit", "label"], ["unit"]);
    const unit = mark.unit;
    const label = has(mark, "label") ? mark.label : null;
    if (!member(unit, known)) throw new FormatError(`there is no sentence ${repr(unit)} in this exercise`);
    if (labels.size && !member(label, labels)) {
      throw new FormatError(`sentence ${repr(unit)} needs a kind, one of ${repr(sortedStrings(labels))}, not ${repr(label)}`);
    }
    if (!labels.size && label !== null) throw new FormatError("this exercise takes no kinds; label must be null");
    marks.set(markKey(unit, label), [unit, label]);
  }
  if (none && marks.size) throw new FormatError("an answer cannot both mark sentences and say there is none");
  return { marks, none };
}

// Half credit for a target sentence marked only with other kinds; also the cost of a wrong kind beside a right one.
const HALF = 0.5;

/** Rounded to 9 decimal places with the same steps as Python's scoring.common.tidy. */
const tidy = (value) => Math.floor(value * 1e9 + 0.5) / 1e9;

const markId = (unit, label) => `unit:${unit}` + (label !== null ? `@${label}` : "");

/** Every kind that counts as right for a target: its label, then its alternatives. */
const targetKinds = (target) => [target.label ?? null, ...(target.also_accept || [])];

/** What one false alarm costs: max(1, T / I), I being the sentences no target covers (counted as 1 if none). */
function highlightWeight(state) {
  const targets = state.key.targets;
  const covered = new Set(targets.flatMap((t) => t.anchors[0].units));
  const innocent = state.unit_ids.filter((u) => !covered.has(u)).length;
  return Math.max(1.0, targets.length / Math.max(1, innocent));
}

function falseAlarm(key, unit, label, cost) {
  const distractor = key.distractors.find((d) => d.anchors[0].units.includes(unit));
  const explanation = distractor ? distractor.explanation : key.messages.unlisted_passage;
  return item(markId(unit, label), "false_alarm", cost, explanation, [unit], label);
}

function gradeHighlight(state, answer) {
  const key = state.key;
  const items = [];
  let earned = 0.0;
  let lost = 0.0;
  const cost = highlightWeight(state);
  const names = new Map(state.labels.map((l) => [l.id, l.name]));
  const marked = new Map(); // unit -> kinds ticked
  for (const [unit, label] of answer.marks.values()) {
    if (!marked.has(unit)) marked.set(unit, new Set());
    marked.get(unit).add(label);
  }
  const accepted = new Map(); // target sentence -> every kind a target on it accepts
  for (const target of key.targets) {
    for (const unit of target.anchors[0].units) {
      if (!accepted.has(unit)) accepted.set(unit, new Set());
      for (const kind of targetKinds(target)) accepted.get(unit).add(kind);
    }
  }
  const half = new Set(); // target sentences credited only through kinds no target there accepts
  for (const target of key.targets) {
    const units = target.anchors[0].units;
    const ok = targetKinds(target);
    const shares = units.map((unit) => {
      const kinds = marked.get(unit) || new Set();
      if (ok.some((k) => kinds.has(k))) return 1.0;
      if ([...kinds].some((k) => !accepted.get(unit).has(k))) {
        half.add(unit);
        return HALF;
      }
      return 0.0;
    });
    const credit = shares.reduce((a, b) => a + b, 0) / units.length;
    earned += credit;
    let explanation = target.explanation;
    if (shares.includes(HALF)) {
      const kind = ok.filter((k) => names.has(k)).map((k) => names.get(k)).join(", or ");
      const right = key.messages.right_sentence.replaceAll("{kind}", () => kind);
      explanation = explanation ? `${right} ${explanation}` : right;
    }
    const label = target.label ?? null;
    items.push(item(target.id, credit > 0 ? "found" : "missed", credit, explanation, units, label));
  }
  const order = new Map(state.unit_ids.map((u, i) => [u, i]));
  const marks = [...answer.marks.values()];
  marks.sort((a, b) => order.get(a[0]) - order.get(b[0]) || compareStrings(a[1] ?? "", b[1] ?? ""));
  for (const [unit, label] of marks) {
    if (!accepted.has(unit)) {
      items.push(falseAlarm(key, unit, label, cost));
      lost += cost;
    } else if (!accepted.get(unit).has(label) && !half.has(unit)) {
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
  const maxScore = key.targets.length || 1;
  return { exercise: state.id, score: Math.min(maxScore, tidy(netScore(earned, lost))), max_score: maxScore, items };
}

// -- pairs -------------------------------------------------------------------------------------------------------

function parsePairs(state, raw) {
  raw = expectKeys(raw, ["pairs"], ["pairs"]);
  const known = new Set(state.unit_ids);
  const pairs = new Map();
  for (let pair of expectList(raw.pairs, "pairs")) {
    pair = expectList(pair, "a pair");
    if (pair.length !== 2 || pyEqual(pair[0], pair[1])) {
      throw new FormatError("a pair links exactly two different sentences");
    }
    for (const unit of pair) {
      if (!member(unit, known)) throw new FormatError(`there is no sentence ${repr(unit)} in this exercise`);
    }
    const sorted = sortedStrings(pair);
    pairs.set(JSON.stringify(sorted), sorted);
  }
  return { pairs: [...pairs.values()] };
}

function matches(pair, anchors) {
  const [first, second] = anchors;
  const [a, b] = pair;
  return (first.units.includes(a) && second.units.includes(b)) || (first.units.includes(b) && second.units.includes(a));
}

function gradePairs(state, answer) {
  const key = state.key;
  const items = [];
  let earned = 0.0;
  for (const target of key.targets) {
    const found = answer.pairs.some((p) => matches(p, target.anchors));
    const units = target.anchors.flatMap((a) => a.units);
    earned += found ? 1.0 : 0.0;
    items.push(item(target.id, found ? "found" : "missed", found ? 1.0 : 0.0, target.explanation, units));
  }
  // A discussion pair is accepted linked or not: no point earned or lost, its explanation always shown.
  const discussions = key.discussions || [];
  for (const discussion of discussions) {
    items.push(item(discussion.id, "discussion", 0.0, discussion.explanation, discussion.anchors.flatMap((a) => a.units)));
  }
  const order = new Map(state.unit_ids.map((u, i) => [u, i]));
  const stray = answer.pairs
    .filter((p) => ![...key.targets, ...discussions].some((t) => matches(p, t.anchors)))
    .map((p) => [...p].sort((a, b) => order.get(a) - order.get(b)));
  stray.sort((p, q) => order.get(p[0]) - order.get(q[0]) || order.get(p[1]) - order.get(q[1]));
  for (const units of stray) {
    const distractor = key.distractors.find((d) => matches(units, d.anchors));
    const explanation = distractor ? distractor.explanation : key.messages.unlisted_pair;
    items.push(item(`pair:${units[0]}|${units[1]}`, "false_alarm", 1.0, explanation, units));
  }
  const maxScore = key.targets.length;
  return { exercise: state.id, score: netScore(earned, stray.length), max_score: maxScore, items };
}

// -- choice ------------------------------------------------------------------------------------------------------

function parseChoice(state, raw) {
  raw = expectKeys(raw, ["choices"], ["choices"]);
  const known = new Set(state.options.map((o) => o.id));
  const choices = new Set();
  for (const choice of expectList(raw.choices, "choices")) {
    if (!member(choice, known)) throw new FormatError(`there is no option ${repr(choice)} in this exercise`);
    choices.add(choice);
  }
  if (!state.multiple && choices.size > 1) throw new FormatError("this question takes one answer only");
  return { choices };
}

function gradeChoice(state, answer) {
  const items = [];
  let earned = 0.0;
  let lost = 0.0;
  for (const option of state.key.options) {
    const ticked = answer.choices.has(option.id);
    if (option.discussion) {
      // A discussion option is accepted ticked or not: no point earned or lost, its feedback always shown.
      items.push(item(option.id, "discussion", 0.0, option.feedback));
    } else if (ticked && option.correct) {
      earned += 1.0;
      items.push(item(option.id, "found", 1.0, option.feedback));
    } else if (ticked) {
      lost += 1.0;
      items.push(item(option.id, "false_alarm", 1.0, option.feedback));
    } else if (option.correct) {
      items.push(item(option.id, "missed", 0.0, option.feedback));
    }
  }
  const maxScore = state.key.options.filter((o) => o.correct).length;
  return { exercise: state.id, score: netScore(earned, lost), max_score: maxScore, items };
}

// -- reflection --------------------------------------------------------------------------------------------------

// A first reaction: the chosen view first, then every other view, each with its feedback; never scored.
function gradeReflection(state, answer) {
  const chosen = state.key.options.filter((o) => answer.choices.has(o.id));
  const others = state.key.options.filter((o) => !answer.choices.has(o.id));
  const items = [
    ...chosen.map((o) => item(o.id, "chosen", 0.0, o.feedback)),
    ...others.map((o) => item(o.id, "view", 0.0, o.feedback)),
  ];
  return { exercise: state.id, score: 0.0, max_score: 0.0, items };
}

// -- the lifecycle -----------------------------------------------------------------------------------------------

const ENGINES = {
  highlight: [parseHighlight, gradeHighlight],
  pairs: [parsePairs, gradePairs],
  choice: [parseChoice, gradeChoice],
  reflection: [parseChoice, gradeReflection],
};

function engine(state) {
  const found = ENGINES[state.type];
  if (!found) throw new Error(`unhandled exercise type ${state.type}`);
  return found;
}

/** The typed answer for ``raw``; throws FormatError if it is malformed. */
export function parse(state, raw) {
  return engine(state)[0](state, raw);
}

/** Grade a parsed answer; needs ``state.key`` (absent in exam mode). */
export function grade(state, answer) {
  if (!state.key) throw new Error("this exercise carries no answer key (exam mode)");
  return engine(state)[1](state, answer);
}

/** Parse and grade a raw answer; throws FormatError if it is malformed. */
export function score(state, raw) {
  return grade(state, parse(state, raw));
}
