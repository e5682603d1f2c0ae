// @ts-check
// The authoring page: shows the text sentence by sentence, keys an exercise by clicking sentences, edits its fields,
// checks every change with the server (the same checks as `medialit validate`), saves it, and runs it in "Try it"
// with the book's own widget. Everything it shows of the text or the exercise goes in as text, never as markup.

/** @typedef {{id: string, text: string, start: number, end: number}} Unit */
/** @typedef {{file: string, line: number | null, field: string, message: string, fix: string, severity: string}} Problem */

const TOKEN = /** @type {HTMLMetaElement} */ (document.querySelector('meta[name="medialit-token"]')).content;
const FIRST = /** @type {HTMLMetaElement} */ (document.querySelector('meta[name="medialit-exercise"]')).content;
const WAIT_MS = 350;
const BUNDLE = "/static/bundle.js"; // the book's widget for every kind (medialit.frontend.bundle)

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * POST to the server; the answer's JSON, or an Error with the server's message.
 * @param {string} path
 * @param {any} body
 */
async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Medialit-Token": TOKEN },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

/** What the page holds. */
const app = {
  /** @type {any} */ text: null,
  /** @type {any[]} */ exercises: [],
  /** @type {string[]} */ kinds: [],
  /** @type {string[]} */ skills: [],
  /** @type {string | null} the file the draft was opened from (null: a new exercise) */ file: null,
  /** @type {any} the draft: the exercise's fields, as in its file */ data: null,
  /** @type {string[]} sentences picked for a pair */ picked: [],
  /** @type {Problem[]} */ problems: [],
  checks: 0,
  changes: 0,
  /** @type {boolean} the draft has changes that are not saved */ dirty: false,
  /** @type {string} what the teacher was told would drop the unsaved changes if asked for again */ leaving: "",
  /** @type {number | undefined} */ timer: undefined,
  tried: "",
};

// -- the draft ------------------------------------------------------------------------------------------------

/** @param {(string | number)[]} path */
function getPath(path) {
  let node = app.data;
  for (const part of path) node = node == null ? undefined : node[part];
  return node;
}

/**
 * @param {(string | number)[]} path
 * @param {any} value
 */
function setPath(path, value) {
  let node = app.data;
  for (const part of path.slice(0, -1)) node = node[part];
  node[path[path.length - 1]] = value;
}

/** `["targets", 0, "quote"]` as `targets[0].quote`, as the server names fields. */
function fieldName(/** @type {(string | number)[]} */ path) {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i ? `.${part}` : part)).join("");
}

/** The element id of a field. */
function fieldId(/** @type {(string | number)[]} */ path) {
  return `f-${path.join("-")}`;
}

/** The draft as it is saved: empty optional fields left out. */
function cleaned() {
  const data = JSON.parse(JSON.stringify(app.data));
  for (const name of ["takeaway", "none_feedback"]) if (data[name] === "") delete data[name];
  for (const item of data.targets || []) if (item.explanation === "") delete item.explanation;
  if (data.type !== "pairs" && Array.isArray(data.targets) && !data.targets.length) delete data.targets;
  if (Array.isArray(data.distractors) && !data.distractors.length) delete data.distractors;
  return data;
}

/** Every item id in the draft. */
function itemIds() {
  return ["targets", "distractors", "options"].flatMap((group) => (app.data[group] || []).map((/** @type {any} */ i) => i.id));
}

/**
 * A new item id made from the first words of `text`, unique in the draft.
 * @param {string} prefix
 * @param {string} text
 */
function newId(prefix, text) {
  const words = text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  const base = words.slice(0, 4).join("-") || prefix;
  const taken = new Set(itemIds());
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

// -- the text -------------------------------------------------------------------------------------------------

/** @returns {Unit[]} */
function units() {
  return app.text.paragraphs.flatMap((/** @type {any} */ p) => p.units);
}

/**
 * The sentences a quote covers (none when it is not in the text once).
 * @param {any} anchor an item or one side of a pair: `{quote, document?}`
 */
function unitsOf(anchor) {
  if (!anchor || typeof anchor.quote !== "string" || !anchor.quote) return [];
  if (anchor.document && anchor.document !== app.text.slug) return [];
  const start = app.text.text.indexOf(anchor.quote);
  if (start < 0) return [];
  const end = start + anchor.quote.length;
  return units().filter((u) => u.start < end && u.end > start).map((u) => u.id);
}

/** The item of `group` that covers sentence `unit`: its index, or -1. */
function coveringItem(/** @type {string} */ group, /** @type {string} */ unit) {
  return (app.data[group] || []).findIndex((/** @type {any} */ item) => unitsOf(item).includes(unit));
}

/** The numbered pairs (targets, then distractors) a sentence belongs to, as words. */
function pairsOf(/** @type {string} */ unit) {
  const out = [];
  for (const [group, word] of [["targets", "Pair"], ["distractors", "Not a pair"]]) {
    (app.data[group] || []).forEach((/** @type {any} */ item, /** @type {number} */ i) => {
      if (unitsOf(item.first).includes(unit) || unitsOf(item.second).includes(unit)) out.push(`${word} ${i + 1}`);
    });
  }
  return out;
}

function renderText() {
  const box = byId("sentences");
  const type = app.data ? app.data.type : "";
  const help = byId("text-help");
  box.replaceChildren();
  box.lang = app.text.lang; // the text's language and direction, as the catalogue gives them
  box.dir = app.text.dir;
  if (type === "highlight") {
    help.textContent =
      "Click a sentence (or press Enter or Space on it) to make it a target. Again: a distractor. Again: neither.";
  } else if (type === "pairs") {
    help.textContent = "Select two sentences, then link them as a pair that cannot both be true, or as a distractor pair.";
  } else if (type) {
    help.textContent = "This kind of exercise is keyed in the fields on the right; the text is shown for reference.";
  } else {
    help.textContent = "Open or start an exercise to key this text.";
  }
  for (const paragraph of app.text.paragraphs) {
    const line = h("p", { class: "paragraph" });
    for (const unit of paragraph.units) line.append(sentence(unit, type), " ");
    box.append(line);
  }
  if (type === "pairs") box.append(pairTools());
}

/**
 * One sentence: a button when the exercise keys sentences, else plain text.
 * @param {Unit} unit
 * @param {string} type
 */
function sentence(unit, type) {
  const number = h("span", { class: "unit-id" }, [unit.id.split(":")[1]]);
  const words = h("span", { class: "unit-text" }, [unit.text]);
  if (type !== "highlight" && type !== "pairs") return h("span", { class: "sentence" }, [number, " ", words]);
  const button = h("button", { type: "button", class: "sentence", id: `u-${unit.id.replace(/[^a-z0-9-]/gi, "-")}` });
  button.dataset.unit = unit.id;
  let badge = "";
  if (type === "highlight") {
    const target = coveringItem("targets", unit.id);
    const distractor = coveringItem("distractors", unit.id);
    if (target >= 0) {
      badge = `Target ${target + 1}`;
      button.classList.add("is-target");
    } else if (distractor >= 0) {
      badge = `Distractor ${distractor + 1}`;
      button.classList.add("is-distractor");
    }
    button.addEventListener("click", () => cycle(unit));
  } else {
    const picked = app.picked.includes(unit.id);
    button.setAttribute("aria-pressed", String(picked));
    badge = [picked ? "Selected" : "", ...pairsOf(unit.id)].filter(Boolean).join(", ");
    if (pairsOf(unit.id).length) button.classList.add("in-pair");
    button.addEventListener("click", () => pick(unit));
  }
  button.append(number, " ");
  if (badge) button.append(h("span", { class: "badge" }, [`${badge}: `]));
  button.append(words);
  return button;
}

/** Target → distractor → neither → target. */
function cycle(/** @type {Unit} */ unit) {
  const data = app.data;
  const target = coveringItem("targets", unit.id);
  const distractor = coveringItem("distractors", unit.id);
  if (target >= 0) {
    const [item] = data.targets.splice(target, 1);
    data.distractors = data.distractors || [];
    data.distractors.push({ id: newId("distractor", item.quote), quote: item.quote, explanation: item.explanation || "" });
  } else if (distractor >= 0) {
    data.distractors.splice(distractor, 1);
  } else {
    data.targets = data.targets || [];
    /** @type {any} */
    const item = { id: newId("target", unit.text), quote: unit.text };
    if (Array.isArray(data.labels) && data.labels.length) item.label = data.labels[0].id;
    data.targets.push(item);
  }
  changed(true);
}

function pick(/** @type {Unit} */ unit) {
  if (app.picked.includes(unit.id)) app.picked = app.picked.filter((id) => id !== unit.id);
  else app.picked = [...app.picked, unit.id].slice(-2);
  renderAll();
}

function pairTools() {
  const chosen = app.picked.map((id) => id.split(":")[1]);
  const status = h("p", { id: "pair-status" }, [
    chosen.length ? `Selected: ${chosen.join(" and ")}.` : "Selected: none. Select two sentences.",
  ]);
  const tools = h("div", { class: "pair-tools", role: "group", "aria-label": "Link the selected sentences" }, [status]);
  for (const [group, name] of [["targets", "Link as a pair"], ["distractors", "Link as a distractor pair"]]) {
    const button = h("button", { type: "button", id: `link-${group}` }, [name]);
    if (app.picked.length !== 2) button.setAttribute("disabled", "");
    button.addEventListener("click", () => link(group));
    tools.append(button);
  }
  return tools;
}

function link(/** @type {string} */ group) {
  const [first, second] = app.picked.map((id) => /** @type {Unit} */ (units().find((u) => u.id === id)));
  const ordered = first.start <= second.start ? [first, second] : [second, first];
  const data = app.data;
  data[group] = data[group] || [];
  data[group].push({
    id: newId(group === "targets" ? "pair" : "not-a-pair", `${ordered[0].text}`),
    first: { quote: ordered[0].text },
    second: { quote: ordered[1].text },
    explanation: "",
  });
  app.picked = [];
  changed(true);
}

// -- the fields -----------------------------------------------------------------------------------------------

/**
 * A labelled text field bound to the draft at `path`.
 * @param {(string | number)[]} path
 * @param {string} label
 * @param {{long?: boolean, help?: string}} [options]
 */
function textField(path, label, options = {}) {
  const id = fieldId(path);
  const control = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (
    options.long ? h("textarea", { id, rows: "2", dir: "auto" }) : h("input", { id, type: "text", dir: "auto" })
  );
  control.value = getPath(path) ?? "";
  control.dataset.field = fieldName(path);
  control.addEventListener("input", () => {
    setPath(path, control.value);
    changed(false);
  });
  const parts = [h("label", { for: id }, [label]), control];
  if (options.help) {
    const help = h("p", { class: "help", id: `${id}-help` }, [options.help]);
    control.setAttribute("aria-describedby", help.id);
    parts.splice(1, 0, help);
  }
  return h("div", { class: "field" }, [...parts, problemBox(id)]);
}

/**
 * A labelled checkbox bound to a true/false field (false leaves the field out).
 * @param {(string | number)[]} path
 * @param {string} label
 */
function checkField(path, label) {
  const id = fieldId(path);
  const box = /** @type {HTMLInputElement} */ (h("input", { id, type: "checkbox" }));
  box.checked = getPath(path) === true;
  box.dataset.field = fieldName(path);
  box.addEventListener("change", () => {
    if (box.checked) setPath(path, true);
    else delete getPath(path.slice(0, -1))[path[path.length - 1]];
    changed(true);
  });
  return h("div", { class: "field check" }, [box, h("label", { for: id }, [label]), problemBox(id)]);
}

/**
 * A labelled choice among `values`.
 * @param {(string | number)[]} path
 * @param {string} label
 * @param {[string, string][]} values
 */
function selectField(path, label, values) {
  const id = fieldId(path);
  const select = /** @type {HTMLSelectElement} */ (h("select", { id }));
  for (const [value, name] of values) select.append(h("option", { value }, [name]));
  select.value = getPath(path) ?? "";
  select.dataset.field = fieldName(path);
  select.addEventListener("change", () => {
    setPath(path, select.value);
    changed(false);
  });
  return h("div", { class: "field" }, [h("label", { for: id }, [label]), select, problemBox(id)]);
}

const problemBox = (/** @type {string} */ id) => h("div", { class: "problems", id: `${id}-problem` });

/**
 * A button that changes the draft's structure.
 * @param {string} id
 * @param {string} name
 * @param {() => void} action
 */
function actionButton(id, name, action) {
  const button = h("button", { type: "button", id, class: "action" }, [name]);
  button.addEventListener("click", () => {
    action();
    changed(true);
  });
  return button;
}

/**
 * A group of fields about one part of the draft (a problem about the part shows in it).
 * @param {(string | number)[]} path
 * @param {string} legend
 * @param {Node[]} children
 */
function group(path, legend, children) {
  const id = fieldId(path);
  const box = h("fieldset", { id, tabindex: "-1", class: "group" }, [h("legend", {}, [legend]), ...children]);
  box.dataset.field = fieldName(path);
  box.append(problemBox(id));
  return box;
}

/** The quoted words of an item, as a field problems can point at. */
function quoteLine(/** @type {(string | number)[]} */ path, /** @type {string} */ words) {
  const id = fieldId(path);
  const line = h("p", { class: "quote", id, tabindex: "-1", lang: app.text.lang, dir: app.text.dir }, [words]);
  line.dataset.field = fieldName(path);
  return h("div", { class: "field" }, [line, problemBox(id)]);
}

function hintsFields() {
  const hints = app.data.hints;
  const rows = hints.map((/** @type {string} */ _, /** @type {number} */ i) =>
    h("div", { class: "row" }, [
      textField(["hints", i], `Hint ${i + 1}`, { long: true }),
      actionButton(`remove-hint-${i}`, `Remove hint ${i + 1}`, () => hints.splice(i, 1)),
    ]),
  );
  return group(["hints"], "Hints, from gentle to strong (none, or at least two)", [
    ...rows,
    actionButton("add-hint", "Add a hint", () => hints.push("")),
  ]);
}

function highlightFields() {
  const data = app.data;
  const labels = Array.isArray(data.labels) ? data.labels : [];
  const targets = (data.targets || []).map((/** @type {any} */ item, /** @type {number} */ i) =>
    group(["targets", i], `Target ${i + 1}`, [
      quoteLine(["targets", i, "quote"], item.quote),
      ...(labels.length
        ? [selectField(["targets", i, "label"], "Kind", labels.map((/** @type {any} */ l) => [l.id, l.name]))]
        : []),
      textField(["targets", i, "explanation"], "Explanation (shown after Check: why it counts)", { long: true }),
      actionButton(`remove-target-${i}`, `Remove target ${i + 1}`, () => data.targets.splice(i, 1)),
    ]),
  );
  const distractors = (data.distractors || []).map((/** @type {any} */ item, /** @type {number} */ i) =>
    group(["distractors", i], `Distractor ${i + 1}`, [
      quoteLine(["distractors", i, "quote"], item.quote),
      textField(["distractors", i, "explanation"], "Feedback (shown when a learner selects it: why it is fine)", {
        long: true,
      }),
      actionButton(`remove-distractor-${i}`, `Remove distractor ${i + 1}`, () => data.distractors.splice(i, 1)),
    ]),
  );
  const none = [checkField(["allow_none"], "Offer the answer “There is none”")];
  if (data.allow_none) {
    none.push(textField(["none_feedback"], "Feedback for “There is none”", { long: true }));
  }
  return [
    group(["targets"], "Targets: what learners must find", targets.length ? targets : [empty("No target yet.")]),
    group(["distractors"], "Distractors: sentences that look suspicious but are fine", distractors.length ? distractors : [empty("No distractor.")]),
    ...none,
  ];
}

/** @param {string} words */
const empty = (words) => h("p", { class: "help" }, [words]);

function pairsFields() {
  const data = app.data;
  /** @param {string} groupName @param {string} word */
  const items = (groupName, word) =>
    (data[groupName] || []).map((/** @type {any} */ item, /** @type {number} */ i) =>
      group([groupName, i], `${word} ${i + 1}`, [
        quoteLine([groupName, i, "first"], item.first ? item.first.quote : ""),
        quoteLine([groupName, i, "second"], item.second ? item.second.quote : ""),
        textField(
          [groupName, i, "explanation"],
          groupName === "targets" ? "Explanation: why both cannot be true" : "Feedback: why both can be true",
          { long: true },
        ),
        actionButton(`remove-${groupName}-${i}`, `Remove ${word.toLowerCase()} ${i + 1}`, () => data[groupName].splice(i, 1)),
      ]),
    );
  const targets = items("targets", "Pair");
  const distractors = items("distractors", "Not a pair");
  return [
    group(["targets"], "Pairs that cannot both be true", targets.length ? targets : [empty("No pair yet.")]),
    group(["distractors"], "Distractor pairs: they only seem to clash", distractors.length ? distractors : [empty("None.")]),
  ];
}

function choiceFields() {
  const data = app.data;
  data.options = data.options || [];
  const options = data.options.map((/** @type {any} */ item, /** @type {number} */ i) =>
    group(["options", i], `Option ${i + 1}`, [
      textField(["options", i, "text"], "Text"),
      item.discussion ? empty("A discussion option: either answer is accepted.") : checkField(["options", i, "correct"], "Right answer"),
      textField(["options", i, "feedback"], "Feedback: why it is right or wrong", { long: true }),
      actionButton(`remove-option-${i}`, `Remove option ${i + 1}`, () => data.options.splice(i, 1)),
    ]),
  );
  return [
    checkField(["multiple"], "Several options may be right"),
    group(["options"], "Options", [
      ...options,
      actionButton("add-option", "Add an option", () =>
        data.options.push({ id: newId("option", `option ${data.options.length + 1}`), text: "", correct: false, feedback: "" }),
      ),
    ]),
  ];
}

function renderFields() {
  const form = byId("fields");
  form.replaceChildren();
  const heading = byId("editor-heading");
  const save = /** @type {HTMLButtonElement} */ (byId("save"));
  if (!app.data) {
    heading.textContent = "No exercise open";
    save.disabled = true;
    return;
  }
  const data = app.data;
  heading.textContent = `${app.file ? "Editing" : "New"}: ${data.id} (${data.type})`;
  save.disabled = false;
  form.append(
    textField(["title"], "Title (shown above the exercise)"),
    selectField(["skill"], "Skill practised", app.skills.map((s) => [s, s])),
    textField(["prompt"], "Prompt: the task, in one to three plain sentences", { long: true }),
    hintsFields(),
  );
  if (data.type === "highlight") form.append(...highlightFields());
  else if (data.type === "pairs") form.append(...pairsFields());
  else if (data.type === "choice") form.append(...choiceFields());
  else form.append(empty("Its items are kept as they are; edit them in the file with a text editor."));
  form.append(textField(["takeaway"], "Takeaway: one sentence shown after Check, what to remember", { long: true }));
}

// -- problems -------------------------------------------------------------------------------------------------

/** The element a field name belongs to: the field itself, or the nearest part of the exercise that holds it. */
function elementFor(/** @type {string} */ field) {
  let name = field;
  while (name) {
    const found = /** @type {HTMLElement | null} */ (document.querySelector(`#fields [data-field="${CSS.escape(name)}"]`));
    if (found) return found;
    const cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
    name = cut > 0 ? name.slice(0, cut) : "";
  }
  return null;
}

/**
 * A field's name as the page shows it: the legends of the groups around it, then its own label.
 * @param {HTMLElement} element
 */
function placeName(element) {
  const names = [];
  const own = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
  if (own) names.push(own.textContent || "");
  for (let box = element.closest("fieldset"); box; box = box.parentElement && box.parentElement.closest("fieldset")) {
    const legend = box.querySelector(":scope > legend");
    if (legend) names.unshift(legend.textContent || "");
  }
  if (element.classList.contains("quote")) names.push("quote");
  return names.map((name) => name.replace(/\s*\(.*\)$/, "").replace(/:.*$/, "")).join(" › ") || "The exercise";
}

/** @param {Problem} problem */
const words = (problem) => `${problem.message}${problem.fix ? `. Fix: ${problem.fix}` : ""}`;

function showProblems() {
  for (const element of document.querySelectorAll("#fields [aria-invalid]")) element.removeAttribute("aria-invalid");
  for (const box of document.querySelectorAll("#fields .problems")) box.replaceChildren();
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("#fields [data-field]"))) {
    const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-problem"));
    if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
    else element.removeAttribute("aria-describedby");
  }
  const summary = byId("problem-list");
  summary.replaceChildren();
  const errors = app.problems.filter((p) => p.severity === "error").length;
  const warnings = app.problems.length - errors;
  const count = byId("check-count");
  const counted = app.problems.length ? `${errors} errors, ${warnings} warnings` : "No problems found.";
  if (count.textContent !== counted) count.textContent = counted; // a screen reader hears only a new count
  count.classList.toggle("has-errors", errors > 0);
  const list = h("ul", { "aria-label": "Problems, each linked to its field" });
  app.problems.forEach((problem, index) => {
    const element = elementFor(problem.field);
    const text = `${problem.severity === "error" ? "Error" : "Warning"}: ${words(problem)}`;
    if (element) {
      const box = byId(`${element.id}-problem`);
      const note = h("p", { class: `problem ${problem.severity}`, id: `problem-${index}` }, [text]);
      box.append(note);
      const described = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      element.setAttribute("aria-describedby", [...described, box.id].filter((v, i, a) => a.indexOf(v) === i).join(" "));
      if (problem.severity === "error") element.setAttribute("aria-invalid", "true");
      const jump = h("a", { href: `#${element.id}` }, [`${placeName(element)}: ${text}`]);
      jump.addEventListener("click", (event) => {
        event.preventDefault();
        element.focus();
      });
      list.append(h("li", { class: problem.severity }, [jump]));
    } else {
      list.append(h("li", { class: problem.severity }, [`${problem.field || "The exercise"}: ${text}`]));
    }
  });
  if (app.problems.length) summary.append(list);
}

// -- checking, trying, saving ---------------------------------------------------------------------------------

/**
 * The draft changed: redraw what depends on its structure, and check it again shortly.
 * @param {boolean} structure
 */
function changed(structure) {
  if (structure) renderAll();
  app.changes += 1;
  app.dirty = true;
  byId("summary").setAttribute("aria-busy", "true");
  byId("save-status").textContent = "Not saved yet.";
  window.clearTimeout(app.timer);
  app.timer = window.setTimeout(check, WAIT_MS);
}

async function check() {
  if (!app.data) return;
  const number = (app.checks += 1);
  const changes = app.changes;
  byId("summary").setAttribute("aria-busy", "true");
  try {
    const answer = await post("/api/validate", { file: app.file, data: cleaned() });
    if (number !== app.checks) return; // a newer check is on its way
    app.problems = answer.problems;
    showProblems();
    await tryIt(answer.state);
  } catch (error) {
    byId("check-count").textContent = `The check failed: ${/** @type {Error} */ (error).message}`;
  } finally {
    if (number === app.checks && changes === app.changes) byId("summary").removeAttribute("aria-busy");
  }
}

/** @type {Promise<any> | null} */
let widgetModule = null;

/**
 * Run the draft in "Try it" with the book's widget, as learners get it; a new state starts a new try.
 * @param {any} state
 */
async function tryIt(state) {
  const status = byId("try-status");
  const host = byId("try-widget");
  if (!state) {
    status.textContent = "The exercise appears here, as learners see it, once it has no errors.";
    host.replaceChildren();
    app.tried = "";
    return;
  }
  const text = JSON.stringify(state);
  if (text === app.tried) return;
  app.tried = text;
  widgetModule = widgetModule || import(BUNDLE);
  const widget = await widgetModule;
  status.textContent = "Answer it as a learner would, then press Check. Nothing here is saved.";
  const mount = h("div");
  host.replaceChildren(h("div", { class: "medialit-exercise", "data-medialit-id": state.id }, [mount]));
  widget.default.render({ model: tryModel(state, widget), el: mount });
}

/**
 * A model for the widget in "Try it": kept in memory only; each submission is scored in the page.
 * @param {any} state
 * @param {any} widget
 */
function tryModel(state, widget) {
  /** @type {Record<string, any>} */
  const data = { state, submission: null, result: null, revealed: false, hints_shown: 0 };
  /** @type {Map<string, (() => void)[]>} */
  const listeners = new Map();
  let last = null;
  const model = {
    get: (/** @type {string} */ name) => data[name],
    set(/** @type {string} */ name, /** @type {any} */ value) {
      const old = data[name];
      data[name] = value;
      if (old !== value) (listeners.get(`change:${name}`) || []).slice().forEach((callback) => callback());
    },
    on(/** @type {string} */ name, /** @type {() => void} */ callback) {
      listeners.set(name, [...(listeners.get(name) || []), callback]);
    },
    off(/** @type {string} */ name, /** @type {() => void} */ callback) {
      listeners.set(name, (listeners.get(name) || []).filter((c) => c !== callback));
    },
    save_changes() {
      if (data.submission === last) return;
      last = data.submission;
      const submission = data.submission;
      queueMicrotask(() => {
        try {
          model.set("result", submission ? widget.score(state, submission.answer) : null);
        } catch (caught) {
          const error = /** @type {any} */ (caught);
          if (!(error instanceof widget.FormatError)) throw error;
          model.set("result", { error: error.message, code: error.code, params: error.params });
        }
      });
    },
  };
  return model;
}

async function save() {
  const status = byId("save-status");
  status.textContent = "Saving…";
  try {
    const answer = await post("/api/save", { file: app.file, data: cleaned() });
    app.dirty = false;
    app.file = answer.file;
    app.exercises = answer.exercises;
    app.problems = answer.problems;
    const errors = app.problems.filter((p) => p.severity === "error").length;
    status.textContent =
      `Saved ${answer.written.join(" and ")}. ` +
      (errors ? `It still has ${errors} errors: the book will not build until they are fixed.` : "It has no errors.");
    renderList();
    renderFields();
    showProblems();
  } catch (error) {
    status.textContent = `Not saved: ${/** @type {Error} */ (error).message}`;
  }
}

// -- opening --------------------------------------------------------------------------------------------------

function renderList() {
  const list = byId("exercise-list");
  list.replaceChildren();
  if (!app.exercises.length) list.append(h("li", {}, ["No exercise yet."]));
  for (const entry of app.exercises) {
    const button = h("button", { type: "button", class: "open", id: `open-${entry.file}` }, [
      `${entry.title || entry.id} (${entry.id}, ${entry.type || "unknown kind"})`,
    ]);
    if (entry.file === app.file) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => openExercise(entry.file));
    list.append(h("li", {}, [button]));
  }
}

/**
 * Whether the draft may be left for `next`: yes when it is saved; else the teacher is told, and asking again leaves it.
 * @param {string} next
 */
function mayLeave(next) {
  if (!app.dirty || app.leaving === next) return true;
  app.leaving = next;
  byId("list-status").textContent =
    "The exercise open now has changes that are not saved. Press Save to keep them, or choose again to drop them.";
  return false;
}

async function openExercise(/** @type {string} */ file) {
  const status = byId("list-status");
  if (!mayLeave(`open ${file}`)) return;
  try {
    const answer = await post("/api/exercise", { file });
    app.file = answer.file;
    app.data = answer.data;
    start(`Opened ${file}.`);
  } catch (error) {
    status.textContent = `Cannot open ${file}: ${/** @type {Error} */ (error).message}`;
  }
}

/** A new exercise of the chosen kind. */
function newExercise() {
  const kind = /** @type {HTMLSelectElement} */ (byId("new-kind")).value;
  const skill = /** @type {HTMLSelectElement} */ (byId("new-skill")).value;
  const input = /** @type {HTMLInputElement} */ (byId("new-id"));
  const id = input.value.trim() || `${app.text.slug}-${skill}-${app.exercises.length + 1}`;
  if (!mayLeave(`new ${id}`)) return;
  /** @type {any} */
  const data = { schema_version: 1, id, type: kind, skill, title: "", documents: [app.text.slug], prompt: "", hints: [] };
  if (kind === "highlight") Object.assign(data, { targets: [], distractors: [] });
  if (kind === "pairs") Object.assign(data, { targets: [], distractors: [] });
  if (kind === "choice") {
    data.options = [
      { id: "a", text: "", correct: true, feedback: "" },
      { id: "b", text: "", correct: false, feedback: "" },
    ];
  }
  data.takeaway = "";
  app.file = null;
  app.data = data;
  start(`Started ${id}. Save writes exercises/${id}.yaml and adds it to the case study's page.`);
}

/** @param {string} message */
function start(message) {
  app.dirty = false;
  app.leaving = "";
  app.picked = [];
  app.problems = [];
  app.tried = "";
  byId("try-widget").replaceChildren();
  byId("list-status").textContent = message;
  renderAll();
  byId("editor").focus();
  check();
}

function renderAll() {
  const active = document.activeElement;
  const focused = active && active.id ? active.id : "";
  renderList();
  renderText();
  renderFields();
  showProblems();
  const again = focused ? document.getElementById(focused) : null;
  if (again) again.focus();
}

async function main() {
  const answer = await post("/api/open", {});
  app.text = answer.text;
  app.exercises = answer.exercises;
  app.kinds = answer.kinds;
  app.skills = answer.skills;
  for (const kind of app.kinds) byId("new-kind").append(h("option", { value: kind }, [kind]));
  for (const skill of app.skills) byId("new-skill").append(h("option", { value: skill }, [skill]));
  byId("new-start").addEventListener("click", newExercise);
  byId("save").addEventListener("click", save);
  window.addEventListener("beforeunload", (event) => {
    if (app.dirty) event.preventDefault(); // the browser asks whether to leave with changes not saved
  });
  renderAll();
  if (FIRST) await openExercise(FIRST);
}

main().catch((error) => {
  byId("list-status").textContent = `The page cannot start: ${error.message}`;
});
