// The exercise front-end: one ES module for a live kernel (anywidget) and the static book (shim.js).
// The model carries four traits: `state` (what to show), `submission` (set here on Check), `result` (set by the
// host, which scores) and `revealed` / `hints_shown` (set here so that a host can keep them).
// Exercise text is always inserted as text (textContent / text nodes), never as HTML.

const ICONS = { found: "✓", false_alarm: "✗", missed: "○", discussion: "◇", chosen: "●", view: "◦" };
let serial = 0;

/** A new element: attributes (`text` sets textContent, `on…` adds a listener) and children (strings become text). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const points = (value) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100));

function render({ model, el }) {
  const state = model.get("state");
  const key = state.key;
  // A reflection is a choice of views, never scored: the same options, no right answer, no answer to show.
  const reflection = state.type === "reflection";
  const choosing = state.type === "choice" || reflection;
  const uid = `medialit-${String(state.id).replace(/[^A-Za-z0-9_-]/g, "-")}-${(serial += 1)}`;
  const labelled = state.labels.length > 0;
  const labelNames = new Map(state.labels.map((label) => [label.id, label.name]));
  const order = new Map(state.unit_ids.map((id, index) => [id, index]));

  // Every sentence with its place, for names and for feedback.
  const units = new Map();
  for (const doc of state.documents) {
    for (const paragraph of doc.paragraphs) {
      paragraph.units.forEach((unit, index) => {
        const place = `${doc.label}, paragraph ${paragraph.number}, sentence ${index + 1}`;
        units.set(unit.id, { ...unit, doc, place, option: null });
      });
    }
  }

  // What the learner has done so far.
  const ui = {
    marks: new Map(), // highlight: unit id → Set of kinds (null when the exercise has no kinds)
    none: false,
    picked: [], // pairs: at most two unit ids
    pairs: [],
    choices: new Set(),
    confidence: null,
    count: 0,
    first: null, // the first answer checked, kept for the hand-in (the teacher may score first tries)
    locked: false,
    revealed: Boolean(model.get("revealed")),
    hints: Number(model.get("hints_shown")) || 0,
    kindsFor: null,
  };
  restore(model.get("submission"));

  // -- the page --------------------------------------------------------------------------------------------------

  const root = h("section", { class: "medialit", "aria-labelledby": `${uid}-title`, "data-type": state.type });
  root.append(h("h3", { id: `${uid}-title`, class: "ml-title", text: state.title }));
  if (state.attempts === 1) {
    root.append(h("p", { class: "ml-note ml-assessment", text: "This is a test item. You have one attempt: Check records your answer. Your teacher gives the feedback." }));
  }
  if (!choosing) root.append(h("p", { class: "ml-prompt", text: state.prompt }));

  const message = h("p", { class: "ml-message", role: "status" });
  const listboxes = [];
  let noneButton = null;
  let kindsBox = null;
  let addPairButton = null;
  let pairList = null;
  let pickedNote = null;
  const choiceInputs = [];

  if (state.type === "highlight" || state.type === "pairs") buildDocuments();
  if (choosing) buildChoice();
  const confidence = reflection ? [] : buildConfidence();

  const checkButton = h("button", { type: "button", class: "ml-check", text: "Check", onclick: check });
  const hintButton = h("button", { type: "button", class: "ml-hint", text: "Hint", onclick: showHint });
  const revealButton = key && !reflection ? h("button", { type: "button", class: "ml-reveal", text: "Show answer", onclick: reveal }) : null;
  const againButton = h("button", { type: "button", class: "ml-again", text: "Try again", onclick: tryAgain });
  // The assessment setting: one attempt, recorded for the teacher; no hints, no answer shown, no Try again.
  const oneAttempt = state.attempts === 1;
  if (oneAttempt) againButton.hidden = true;
  if (!state.hints.length) hintButton.hidden = true;
  root.append(h("div", { class: "ml-actions" }, checkButton, hintButton, revealButton, againButton), message);

  const hintsBox = h("div", { class: "ml-hints", "aria-live": "polite" });
  const status = h("p", { class: "ml-status", "aria-live": "polite" });
  const feedback = h("div", { class: "ml-feedback" });
  const answerBox = h("div", { class: "ml-answer" });
  root.append(hintsBox, status, feedback, answerBox);
  el.append(root);

  function buildDocuments() {
    const help =
      state.type === "pairs"
        ? "Select two sentences that contradict each other, then press Add pair. " +
          "With a keyboard: Tab to the text, move with the arrow keys, select with Space."
        : "Click a sentence to select it. Click it again to undo. " +
          "With a keyboard: Tab to the text, move with the arrow keys, select with Space.";
    root.append(h("p", { class: "ml-help", text: help }));
    const docs = h("div", { class: `ml-docs${state.documents.length > 1 ? " ml-two" : ""}` });
    for (const doc of state.documents) {
      const headingId = `${uid}-doc-${listboxes.length}`;
      const box = h("div", {
        role: "listbox",
        class: "ml-listbox",
        "aria-multiselectable": "true",
        "aria-labelledby": headingId,
      });
      for (const paragraph of doc.paragraphs) {
        const group = h("div", {
          role: "group",
          class: "ml-para",
          "aria-label": `Paragraph ${paragraph.number}`,
          "data-number": paragraph.number,
        });
        for (const unit of paragraph.units) {
          const info = units.get(unit.id);
          const option = h(
            "span",
            { role: "option", class: "ml-unit", tabindex: "-1", "aria-selected": "false", "data-unit": unit.id },
            h("span", { class: "ml-text", text: unit.text }),
            h("span", { class: "ml-badge" }),
          );
          option.addEventListener("click", () => {
            focusOption(box, option);
            toggle(unit.id);
          });
          option.addEventListener("focus", () => showKinds(unit.id, false));
          info.option = option;
          group.append(option, " ");
        }
        box.append(group);
      }
      const first = box.querySelector('[role="option"]');
      if (first) first.tabIndex = 0;
      box.addEventListener("keydown", (event) => onListKey(box, event));
      listboxes.push(box);
      const title = `${doc.label}: ${doc.title}`;
      docs.append(h("article", { class: "ml-doc" }, h("h4", { id: headingId, class: "ml-doc-title", text: title }), box));
    }
    root.append(docs);

    if (state.type === "highlight" && labelled) {
      kindsBox = h("fieldset", { class: "ml-kinds", hidden: true });
      root.append(kindsBox);
    }
    if (state.type === "highlight" && state.allow_none) {
      noneButton = h("button", {
        type: "button",
        class: "ml-none",
        "aria-pressed": "false",
        text: "There is none",
        onclick: toggleNone,
      });
      root.append(h("p", { class: "ml-none-row" }, noneButton));
    }
    if (state.type === "pairs") {
      pickedNote = h("p", { class: "ml-picked" });
      addPairButton = h("button", { type: "button", class: "ml-add-pair", text: "Add pair", onclick: addPair });
      pairList = h("ul", { class: "ml-pairs", "aria-labelledby": `${uid}-pairs` });
      root.append(
        h("div", { class: "ml-pair-builder" }, pickedNote, addPairButton),
        h("h4", { id: `${uid}-pairs`, class: "ml-pairs-title", text: "Your pairs" }),
        pairList,
      );
    }
  }

  function buildChoice() {
    if (state.context) {
      root.append(h("blockquote", { class: "ml-context" }, h("p", { text: state.context.quote })));
    }
    const fieldset = h("fieldset", { class: "ml-options" }, h("legend", { text: state.prompt }));
    const note = reflection
      ? "Choose the view closest to yours. There is no right answer, and this question is not scored."
      : state.multiple ? "Choose every answer that fits." : "Choose one answer.";
    fieldset.append(h("p", { class: "ml-help", text: note }));
    for (const option of state.options) {
      const input = h("input", {
        type: state.multiple ? "checkbox" : "radio",
        name: `${uid}-choice`,
        value: option.id,
      });
      input.addEventListener("change", () => {
        if (!state.multiple) ui.choices.clear();
        for (const other of choiceInputs) if (other.checked) ui.choices.add(other.value);
        for (const other of choiceInputs) if (!other.checked) ui.choices.delete(other.value);
        sync();
      });
      choiceInputs.push(input);
      const mark = h("span", { class: "ml-option-verdict" });
      fieldset.append(h("label", { class: "ml-option", "data-option": option.id }, input, " ", h("span", { text: option.text }), mark));
    }
    root.append(fieldset);
  }

  function buildConfidence() {
    const fieldset = h("fieldset", { class: "ml-confidence" }, h("legend", { text: "How sure are you? (You can skip this.)" }));
    const inputs = [];
    [
      [1, "Guessing"],
      [2, "Fairly sure"],
      [3, "Very sure"],
    ].forEach(([value, text]) => {
      const input = h("input", { type: "radio", name: `${uid}-confidence`, value });
      input.addEventListener("change", () => {
        ui.confidence = value;
      });
      inputs.push(input);
      fieldset.append(h("label", { class: "ml-confidence-option" }, input, " ", text));
    });
    root.append(fieldset);
    return inputs;
  }

  // -- editing ---------------------------------------------------------------------------------------------------

  function say(text) {
    message.textContent = text;
  }

  function focusOption(box, option) {
    for (const other of box.querySelectorAll('[role="option"]')) other.tabIndex = -1;
    option.tabIndex = 0;
    option.focus();
  }

  function onListKey(box, event) {
    const options = [...box.querySelectorAll('[role="option"]')];
    const current = event.target.closest('[role="option"]');
    const index = options.indexOf(current);
    let next = null;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowRight":
        next = options[Math.min(index + 1, options.length - 1)];
        break;
      case "ArrowUp":
      case "ArrowLeft":
        next = options[Math.max(index - 1, 0)];
        break;
      case "Home":
        next = options[0];
        break;
      case "End":
        next = options[options.length - 1];
        break;
      case " ":
      case "Enter":
        if (current) toggle(current.dataset.unit);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) focusOption(box, next);
  }

  function lockedNotice() {
    if (!ui.locked) return false;
    say(oneAttempt ? "Your answer is recorded. This exercise has one attempt." : "Press Try again to change your answer.");
    return true;
  }

  function toggle(unitId) {
    if (lockedNotice()) return;
    say("");
    if (state.type === "pairs") {
      const at = ui.picked.indexOf(unitId);
      if (at >= 0) ui.picked.splice(at, 1);
      else {
        ui.picked.push(unitId);
        if (ui.picked.length > 2) ui.picked.shift();
      }
    } else if (ui.marks.has(unitId)) {
      ui.marks.delete(unitId);
      if (ui.kindsFor === unitId) ui.kindsFor = null;
    } else {
      ui.none = false;
      ui.marks.set(unitId, labelled ? new Set() : new Set([null]));
      if (labelled) {
        sync();
        showKinds(unitId, true);
        return;
      }
    }
    sync();
  }

  function toggleNone() {
    if (lockedNotice()) return;
    ui.none = !ui.none;
    if (ui.none) {
      ui.marks.clear();
      ui.kindsFor = null;
    }
    say(ui.none ? "You chose: there is none. Your selections were cleared." : "");
    sync();
  }

  // The kind menu of a labelled highlight: shown for the marked sentence last selected or focused.
  function showKinds(unitId, moveFocus) {
    if (!kindsBox || !ui.marks.has(unitId)) return;
    ui.kindsFor = unitId;
    const info = units.get(unitId);
    kindsBox.replaceChildren(h("legend", { text: `What kind is this sentence? (${info.place})` }));
    const kinds = ui.marks.get(unitId);
    const boxes = state.labels.map((label) => {
      const input = h("input", { type: "checkbox", value: label.id });
      input.checked = kinds.has(label.id);
      input.disabled = ui.locked;
      input.addEventListener("change", () => {
        if (input.checked) kinds.add(label.id);
        else kinds.delete(label.id);
        sync();
      });
      const description = label.description ? h("span", { class: "ml-kind-help", text: ` ${label.description}` }) : null;
      kindsBox.append(h("label", { class: "ml-kind" }, input, " ", h("span", { text: label.name }), description));
      return input;
    });
    const done = h("button", {
      type: "button",
      text: "Done",
      onclick: () => {
        if (info.option) info.option.focus();
      },
    });
    kindsBox.append(h("p", {}, done));
    kindsBox.hidden = false;
    if (moveFocus && boxes.length) boxes[0].focus();
  }

  function addPair() {
    if (lockedNotice()) return;
    if (ui.picked.length !== 2) {
      say("Select two sentences first.");
      return;
    }
    const pair = [...ui.picked].sort((a, b) => order.get(a) - order.get(b));
    if (ui.pairs.some((p) => p[0] === pair[0] && p[1] === pair[1])) {
      say("You already have this pair.");
      return;
    }
    ui.pairs.push(pair);
    ui.picked = [];
    say(`Pair ${ui.pairs.length} added.`);
    sync();
    focusActiveOption();
  }

  function removePair(index) {
    if (lockedNotice()) return;
    ui.pairs.splice(index, 1);
    say(`Pair ${index + 1} removed.`);
    sync();
    focusActiveOption();
  }

  function focusActiveOption() {
    const option = listboxes.length && listboxes[0].querySelector('[role="option"][tabindex="0"]');
    if (option) option.focus();
  }

  function quoteOf(unitId) {
    const info = units.get(unitId);
    return info ? `${info.place}: “${info.text}”` : unitId;
  }

  // Bring every control in line with `ui`.
  function sync() {
    for (const [id, info] of units) {
      if (!info.option) continue;
      const selected = state.type === "pairs" ? ui.picked.includes(id) : ui.marks.has(id);
      info.option.setAttribute("aria-selected", String(selected));
      let badge = "";
      if (state.type === "pairs") {
        const numbers = ui.pairs.map((p, i) => (p.includes(id) ? i + 1 : 0)).filter(Boolean);
        if (numbers.length) badge = ` (pair ${numbers.join(", ")})`;
      } else if (labelled && ui.marks.has(id)) {
        const names = state.labels.filter((l) => ui.marks.get(id).has(l.id)).map((l) => l.name);
        badge = names.length ? ` (${names.join(", ")})` : " (choose a kind)";
      }
      info.option.lastChild.textContent = badge;
      info.option.classList.toggle("ml-paired", state.type === "pairs" && badge !== "");
    }
    for (const box of listboxes) box.setAttribute("aria-readonly", String(ui.locked));
    if (noneButton) noneButton.setAttribute("aria-pressed", String(ui.none));
    if (kindsBox) {
      if (ui.kindsFor === null || !ui.marks.has(ui.kindsFor)) {
        kindsBox.hidden = true;
        ui.kindsFor = null;
      }
      for (const input of kindsBox.querySelectorAll("input")) input.disabled = ui.locked;
    }
    if (pairList) {
      pickedNote.textContent =
        ui.picked.length === 0
          ? "No sentences selected for a new pair."
          : `Selected for a new pair: ${ui.picked.map((u) => units.get(u).place).join(" and ")}.`;
      addPairButton.disabled = ui.locked || ui.picked.length !== 2;
      pairList.replaceChildren();
      ui.pairs.forEach((pair, index) => {
        const remove = h("button", {
          type: "button",
          class: "ml-remove",
          text: "Remove",
          "aria-label": `Remove pair ${index + 1}`,
          onclick: () => removePair(index),
        });
        remove.disabled = ui.locked;
        pairList.append(
          h(
            "li",
            { class: "ml-pair" },
            h("strong", { text: `Pair ${index + 1}` }),
            h("p", { text: quoteOf(pair[0]) }),
            h("p", { text: quoteOf(pair[1]) }),
            remove,
          ),
        );
      });
      if (!ui.pairs.length) pairList.append(h("li", { class: "ml-empty", text: "No pairs yet." }));
    }
    for (const input of choiceInputs) {
      input.checked = ui.choices.has(input.value);
      input.disabled = ui.locked;
    }
    for (const input of confidence) {
      input.checked = Number(input.value) === ui.confidence;
      input.disabled = ui.locked;
    }
    checkButton.disabled = ui.locked;
    againButton.disabled = !ui.locked || oneAttempt;
    hintButton.disabled = ui.hints >= state.hints.length;
    hintButton.textContent = ui.hints >= state.hints.length && state.hints.length ? "No more hints" : "Hint";
    if (revealButton) revealButton.disabled = ui.revealed;
  }

  // -- the answer, checking and feedback -------------------------------------------------------------------------

  function answer() {
    if (state.type === "pairs") return { pairs: ui.pairs.map((p) => [...p]) };
    if (choosing) return { choices: state.options.map((o) => o.id).filter((id) => ui.choices.has(id)) };
    const marks = [];
    for (const id of state.unit_ids) {
      if (!ui.marks.has(id)) continue;
      const kinds = ui.marks.get(id);
      if (!labelled) marks.push({ unit: id, label: null });
      else for (const label of state.labels) if (kinds.has(label.id)) marks.push({ unit: id, label: label.id });
    }
    return state.allow_none ? { marks, none: ui.none } : { marks };
  }

  function restore(submission) {
    if (!submission || typeof submission !== "object") return;
    ui.count = Number(submission.count) || 0;
    if (submission.first_answer && typeof submission.first_answer === "object") ui.first = submission.first_answer;
    ui.confidence = [1, 2, 3].includes(submission.confidence) ? submission.confidence : null;
    const raw = submission.answer || {};
    try {
      if (choosing) for (const id of raw.choices || []) ui.choices.add(String(id));
      if (state.type === "pairs") {
        for (const p of raw.pairs || []) if (units.has(p[0]) && units.has(p[1])) ui.pairs.push([p[0], p[1]]);
      }
      if (state.type === "highlight") {
        ui.none = raw.none === true;
        for (const mark of raw.marks || []) {
          if (!units.has(mark.unit)) continue;
          if (!ui.marks.has(mark.unit)) ui.marks.set(mark.unit, new Set());
          ui.marks.get(mark.unit).add(labelled ? mark.label : null);
        }
      }
    } catch {
      // An answer in an unexpected shape is simply not restored.
    }
    const result = model.get("result");
    ui.locked = Boolean(result) && !result.error;
  }

  function check() {
    if (ui.locked) return;
    if (labelled) {
      const bare = [...ui.marks].find(([, kinds]) => kinds.size === 0);
      if (bare) {
        say(`Choose a kind for every sentence you selected. ${units.get(bare[0]).place} has none yet.`);
        showKinds(bare[0], true);
        return;
      }
    }
    say("");
    ui.count += 1;
    ui.locked = true;
    sync();
    const given = answer();
    if (ui.first === null) ui.first = given;
    model.set("result", null);
    model.set("submission", { answer: given, count: ui.count, confidence: ui.confidence, first_answer: ui.first });
    model.save_changes();
  }

  function tryAgain() {
    ui.locked = false;
    renderResult();
    say("You can change your answer now.");
    sync();
    const target = listboxes.length
      ? listboxes[0].querySelector('[role="option"][tabindex="0"]')
      : choiceInputs.find((i) => i.checked) || choiceInputs[0];
    if (target) target.focus();
  }

  function showHint() {
    if (ui.hints >= state.hints.length) return;
    ui.hints += 1;
    model.set("hints_shown", ui.hints);
    model.save_changes();
    renderHints();
    sync();
    const last = hintsBox.lastElementChild;
    if (last) last.focus();
  }

  function renderHints() {
    hintsBox.replaceChildren();
    state.hints.slice(0, ui.hints).forEach((hint, index) => {
      hintsBox.append(
        h("p", { class: "ml-hint-text", tabindex: "-1" }, h("strong", { text: `Hint ${index + 1} of ${state.hints.length}:` }), ` ${hint}`),
      );
    });
  }

  function reveal() {
    ui.revealed = true;
    model.set("revealed", true);
    model.save_changes();
    sync();
    renderResult();
    if (!answerBox.hidden && answerBox.firstChild) answerBox.firstChild.focus();
  }

  function clearVerdicts() {
    for (const info of units.values()) if (info.option) delete info.option.dataset.verdict;
    for (const label of root.querySelectorAll(".ml-option")) {
      delete label.dataset.verdict;
      label.querySelector(".ml-option-verdict").textContent = "";
    }
  }

  function verdictWord(result, item) {
    if (item.verdict === "discussion") return "Open question: either answer is fine";
    if (item.verdict === "chosen") return "Your view";
    if (item.verdict === "view") return "Another view";
    if (state.type === "choice") return { found: "Right choice", false_alarm: "Not right", missed: "Right answer" }[item.verdict];
    if (item.verdict === "found") return item.credit < 1 ? "Found in part" : "Found";
    if (item.verdict === "missed") return "Missed";
    // A highlight false alarm on a target's own sentence is a kind ticked beside the right one.
    if (state.type === "highlight" && key && key.targets.some((t) => t.anchors[0].units.includes(item.units[0]))) return "Wrong kind";
    return state.type === "pairs" ? "Not a pair" : "Not a target";
  }

  function itemText(item) {
    if (choosing) {
      const option = state.options.find((o) => o.id === item.id);
      return option ? `“${option.text}”` : "";
    }
    if (item.id === "none") return item.verdict === "missed" ? "The answer: there is none." : "You chose: there is none.";
    return item.units.map(quoteOf).join(" ");
  }

  function calibration(result) {
    if (!ui.confidence || !result.max_score) return "";
    const right = result.score === result.max_score;
    const lines = {
      1: right ? "You were guessing, but you were right. Trust your reading a little more." : "You were guessing. The hints can help you next time.",
      2: right ? "You were fairly sure, and you were right." : "You were fairly sure, but part of your answer was wrong.",
      3: right ? "You were very sure, and you were right. Well done." : "You were very sure, but part of your answer was wrong. Slow down and check again.",
    };
    return lines[ui.confidence];
  }

  function renderAnswerKey() {
    answerBox.replaceChildren();
    answerBox.hidden = true;
    if (!ui.revealed || !key || shownResult()) return;
    const list = h("ul", { class: "ml-items" });
    if (state.type === "choice") {
      for (const option of key.options.filter((o) => o.correct)) {
        const text = state.options.find((o) => o.id === option.id).text;
        list.append(h("li", { class: "ml-item" }, h("p", { text: `“${text}”` }), h("p", { text: option.feedback })));
      }
    } else if (!key.targets.length) {
      list.append(h("li", { class: "ml-item" }, h("p", { text: "There is none." }), h("p", { text: key.none_feedback })));
    } else {
      for (const target of key.targets) {
        const also = (target.also_accept || []).map((k) => labelNames.get(k)).join(", ");
        const kind = target.label ? ` (${labelNames.get(target.label)}${also ? `; also accepted: ${also}` : ""})` : "";
        const text = target.anchors.flatMap((a) => a.units).map(quoteOf).join(" ");
        list.append(h("li", { class: "ml-item" }, h("p", { text: text + kind }), h("p", { text: target.explanation })));
      }
    }
    answerBox.append(h("h4", { class: "ml-answer-title", tabindex: "-1", text: "The answer" }), list);
    if (key.takeaway) answerBox.append(h("p", { class: "ml-takeaway" }, h("strong", { text: "Remember:" }), ` ${key.takeaway}`));
    answerBox.hidden = false;
  }

  // The host's result is shown from Check until Try again.
  function shownResult() {
    const result = model.get("result");
    return result && (ui.locked || result.error) ? result : null;
  }

  function renderResult() {
    const result = shownResult();
    feedback.replaceChildren();
    clearVerdicts();
    renderAnswerKey();
    if (!result) {
      status.textContent = "";
      return;
    }
    if (result.recorded) {
      status.textContent = oneAttempt
        ? "Answer recorded. This exercise has one attempt: your teacher will give you the feedback."
        : "Answer recorded.";
      return;
    }
    if (result.error) {
      ui.locked = false;
      sync();
      status.textContent = `This answer could not be checked: ${result.error}`;
      return;
    }
    status.textContent = reflection
      ? "Your answer is saved. This question is not scored: read what each view gets right or misses."
      : `You scored ${points(result.score)} of ${points(result.max_score)} points.`;
    if (!reflection) feedback.append(h("p", { class: "ml-rule", text: state.rule })); // a reflection's is said above
    const showMissed = ui.revealed || ui.count >= 2;
    if (showMissed && !ui.revealed && result.items.some((item) => item.verdict === "missed")) {
      // The list of what was missed shows the answer: it is recorded as shown, as "Show answer" is.
      ui.revealed = true;
      model.set("revealed", true);
      model.save_changes();
    }
    const list = h("ul", { class: "ml-items" });
    let hidden = 0;
    for (const item of result.items) {
      if (item.verdict === "missed" && !showMissed) {
        hidden += 1;
        continue;
      }
      list.append(
        h(
          "li",
          { class: "ml-item", "data-verdict": item.verdict },
          h(
            "p",
            { class: "ml-verdict" },
            h("span", { class: "ml-icon", "aria-hidden": "true", text: ICONS[item.verdict] }),
            " ",
            h("strong", { text: verdictWord(result, item) }),
          ),
          h("p", { class: "ml-quote", text: itemText(item) }),
          h("p", { class: "ml-explanation", text: item.explanation }),
        ),
      );
      markVerdict(item);
    }
    if (list.childElementCount) feedback.append(list);
    if (hidden) {
      const still = hidden === 1 ? "One answer is still to find." : `${hidden} answers are still to find.`;
      feedback.append(h("p", { class: "ml-more", text: `${still} Press Try again, or Show answer.` }));
    }
    const line = calibration(result);
    if (line) feedback.append(h("p", { class: "ml-calibration", text: line }));
    if (key && key.takeaway) {
      feedback.append(h("p", { class: "ml-takeaway" }, h("strong", { text: "Remember:" }), ` ${key.takeaway}`));
    }
  }

  function markVerdict(item) {
    if (choosing) {
      const label = root.querySelector(`.ml-option[data-option="${CSS.escape(item.id)}"]`);
      if (label) {
        label.dataset.verdict = item.verdict;
        label.querySelector(".ml-option-verdict").textContent = ` ${ICONS[item.verdict]} ${verdictWord(null, item)}`;
      }
      return;
    }
    if (state.type !== "highlight") return;
    for (const id of item.units) {
      const info = units.get(id);
      if (!info || !info.option) continue;
      const verdict = item.verdict === "found" && !ui.marks.has(id) ? "missed" : item.verdict;
      info.option.dataset.verdict = verdict;
    }
  }

  const onResult = () => {
    renderResult();
    sync();
  };
  model.on("change:result", onResult);

  renderHints();
  sync();
  renderResult();

  return () => {
    model.off("change:result", onResult);
  };
}

export default { render };
