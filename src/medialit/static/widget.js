// @ts-check
// The exercise front-end's core: one ES module for a live kernel (anywidget) and the static book (shim.js), joined
// with the views of the kinds a page uses by medialit.frontend. The core draws what every kind shares (title, prompt,
// hints, confidence, Check / Hint / Show answer / Try again, the result, the feedback list and the key) and hands the
// answer area to the kind's view (VIEWS, filled by the joiner): a view's `create(ctx)` returns its hooks.
// The model carries four traits: `state` (what to show), `submission` (set here on Check), `result` (set by the
// host, which scores) and `revealed` / `hints_shown` (set here so that a host can keep them).
// Exercise text is always inserted as text (textContent / text nodes), never as HTML.
import { h, points } from "./dom.js";

/**
 * What a kind's view does in the answer area.
 * @typedef {object} ViewHooks
 * @property {(root: HTMLElement) => void} build Draw the answer area into `root`.
 * @property {() => any} answer The current answer, as the scoring reads it.
 * @property {(raw: any) => void} restore Put back a saved answer (it may be of any shape: skip what does not fit).
 * @property {() => void} sync Bring every control in line with the answer and with `ctx.locked()`.
 * @property {() => string | null} blocker Why the answer cannot be checked yet (and move the focus there), or null.
 * @property {() => void} focus Move the focus to the answer area (after Try again).
 * @property {(item: any) => string} word The verdict on one result item, in words.
 * @property {(item: any) => string} text What one result item is about (a quote, an option).
 * @property {(item: any) => void} mark Show one result item's verdict in the answer area.
 * @property {() => void} unmark Take every verdict off the answer area.
 *
 * A kind's view.
 * @typedef {object} View
 * @property {boolean} ownPrompt Whether the view shows the prompt itself (as the legend of its options).
 * @property {boolean} scored Whether the kind is scored (false: no Show answer, no confidence, no rule).
 * @property {string} keyWrong The key's heading over its wrong items (distractors, wrong options).
 * @property {(ctx: Context) => ViewHooks} create The hooks for one exercise.
 *
 * What the core gives a view.
 * @typedef {object} Context
 * @property {any} state The exercise's state.
 * @property {string} uid A prefix for element ids, unique in the page.
 * @property {Map<string, Sentence>} units Every sentence by id, with its place.
 * @property {Map<string, number>} order Each sentence's position in reading order.
 * @property {(text: string) => void} say Tell the learner something in the message line.
 * @property {() => boolean} locked Whether the answer is locked (checked, until Try again).
 * @property {() => boolean} lockedNotice When locked, say why nothing changes and return true.
 * @property {() => void} changed The learner changed the answer: bring every control in line.
 * @property {(unitId: string) => string} quoteOf A sentence as "place: “text”".
 *
 * @typedef {{id: string, text: string, doc: any, place: string, option: HTMLElement | null}} Sentence
 */

/** @type {Record<string, View>} The views of the kinds joined into this bundle, by type; the joiner fills it. */
export const VIEWS = {};

const ICONS = { found: "✓", false_alarm: "✗", missed: "○", discussion: "◇", chosen: "●", view: "◦" };
let serial = 0;

/** @param {{model: any, el: HTMLElement}} props */
function render({ model, el }) {
  const state = model.get("state");
  const view = VIEWS[state.type];
  const keyView = state.key_view || null;
  const uid = `medialit-${String(state.id).replace(/[^A-Za-z0-9_-]/g, "-")}-${(serial += 1)}`;
  const labelNames = new Map(state.labels.map((/** @type {any} */ label) => [label.id, label.name]));
  /** @type {Map<string, number>} */
  const order = new Map(state.unit_ids.map((/** @type {string} */ id, /** @type {number} */ index) => [id, index]));

  // Every sentence with its place, for names and for feedback.
  /** @type {Map<string, Sentence>} */
  const units = new Map();
  for (const doc of state.documents) {
    for (const paragraph of doc.paragraphs) {
      paragraph.units.forEach((/** @type {any} */ unit, /** @type {number} */ index) => {
        const place = `${doc.label}, paragraph ${paragraph.number}, sentence ${index + 1}`;
        units.set(unit.id, { ...unit, doc, place, option: null });
      });
    }
  }

  // What the learner has done so far, beyond the answer the view keeps.
  const ui = {
    confidence: /** @type {number | null} */ (null),
    count: 0,
    first: /** @type {any} */ (null), // the first answer checked, kept for the hand-in (first tries may be scored)
    locked: false,
    revealed: Boolean(model.get("revealed")),
    hints: Number(model.get("hints_shown")) || 0,
  };
  const oneAttempt = state.attempts === 1;
  const message = h("p", { class: "ml-message", role: "status" });

  /** @type {Context} */
  const ctx = {
    state,
    uid,
    units,
    order,
    say: (text) => {
      message.textContent = text;
    },
    locked: () => ui.locked,
    lockedNotice() {
      if (!ui.locked) return false;
      ctx.say(oneAttempt ? "Your answer is recorded. This exercise has one attempt." : "Press Try again to change your answer.");
      return true;
    },
    changed: () => sync(),
    quoteOf(unitId) {
      const info = units.get(unitId);
      if (!info) return unitId;
      // A right-to-left sentence is isolated (RLI … PDI) in the English line, so that it keeps its order and the
      // quote marks stay around it.
      const text = info.doc.dir === "rtl" ? `\u2067${info.text}\u2069` : info.text;
      return `${info.place}: “${text}”`;
    },
  };
  const hooks = view.create(ctx);
  restore(model.get("submission"));

  // -- the page --------------------------------------------------------------------------------------------------

  const root = h("section", { class: "medialit", "aria-labelledby": `${uid}-title`, "data-type": state.type });
  root.append(h("h3", { id: `${uid}-title`, class: "ml-title", text: state.title }));
  if (oneAttempt) {
    root.append(h("p", { class: "ml-note ml-assessment", text: "This is a test item. You have one attempt: Check records your answer. Your teacher gives the feedback." }));
  }
  if (!view.ownPrompt) root.append(h("p", { class: "ml-prompt", text: state.prompt }));
  hooks.build(root);
  /** @type {HTMLInputElement[]} */
  const confidence = view.scored ? buildConfidence() : [];

  const checkButton = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-check", text: "Check", onclick: check }));
  const hintButton = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-hint", text: "Hint", onclick: showHint }));
  const againButton = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-again", text: "Try again", onclick: tryAgain }));
  // The assessment setting: one attempt, recorded for the teacher; no hints, no answer shown, no Try again.
  if (oneAttempt) againButton.hidden = true;
  if (!state.hints.length) hintButton.hidden = true;
  // The action bar sticks to the bottom of the exercise while the learner works through a long text (widget.css);
  // a view's own row of actions right after the text (.ml-tools: Add pair, There is none) sticks just above it.
  const bar = h("div", { class: "ml-actions" }, checkButton, hintButton, againButton, message);
  root.append(bar);
  keepClearOfBars();
  // "Show answer" stands apart from Check, quieter, and asks first: a shown answer is recorded.
  const reveal = keyView && view.scored ? buildReveal() : null;

  const hintsBox = h("div", { class: "ml-hints", "aria-live": "polite" });
  const status = h("p", { class: "ml-status", "aria-live": "polite", tabindex: "-1" });
  const feedback = h("div", { class: "ml-feedback" });
  const answerBox = h("div", { class: "ml-answer" });
  root.append(hintsBox, status, feedback, ...(reveal ? [reveal.area] : []), answerBox);
  el.append(root);

  function buildReveal() {
    const button = /** @type {HTMLButtonElement} */ (
      h("button", { type: "button", class: "ml-reveal", text: "Show answer", "aria-expanded": "false", "aria-controls": `${uid}-confirm`, onclick: askToReveal })
    );
    const cancel = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-confirm-cancel", text: "Cancel", onclick: cancelReveal }));
    const confirm = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-confirm-show", text: "Show answer", onclick: revealAnswer }));
    const box = h(
      "div",
      { id: `${uid}-confirm`, class: "ml-confirm", role: "group", "aria-labelledby": `${uid}-confirm-question`, hidden: true },
      h("p", { id: `${uid}-confirm-question`, class: "ml-confirm-question", text: "Show the answer? It will be recorded that you saw it." }),
      h("div", { class: "ml-confirm-actions" }, cancel, confirm),
    );
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        cancelReveal();
      }
    });
    return { area: h("div", { class: "ml-reveal-area" }, button, box), button, box, cancel };
  }

  function buildConfidence() {
    const fieldset = h("fieldset", { class: "ml-confidence" }, h("legend", { text: "Optional: how sure are you?" }));
    /** @type {HTMLInputElement[]} */
    const inputs = [];
    /** @type {[number, string][]} */
    const levels = [
      [1, "Guessing"],
      [2, "Fairly sure"],
      [3, "Very sure"],
    ];
    for (const [value, text] of levels) {
      const input = /** @type {HTMLInputElement} */ (h("input", { type: "radio", name: `${uid}-confidence`, value }));
      input.addEventListener("change", () => {
        ui.confidence = value;
      });
      inputs.push(input);
      fieldset.append(h("label", { class: "ml-confidence-option" }, input, " ", text));
    }
    root.append(fieldset);
    return inputs;
  }

  // The bars' heights are kept in --ml-bar and --ml-tools: focused elements keep that much room below them
  // (scroll-margin-bottom), and one that the focus reaches under the stuck bars is scrolled clear of them.
  function keepClearOfBars() {
    const tools = /** @type {HTMLElement | null} */ (root.querySelector(".ml-tools"));
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => {
        root.style.setProperty("--ml-bar", `${bar.offsetHeight}px`);
        root.style.setProperty("--ml-tools", `${tools ? tools.offsetHeight : 0}px`);
      }).observe(bar);
      if (tools) new ResizeObserver(() => root.style.setProperty("--ml-tools", `${tools.offsetHeight}px`)).observe(tools);
    }
    root.addEventListener("focusin", (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      if (bar.contains(target) || (tools && tools.contains(target))) return;
      const low = bar.getBoundingClientRect();
      const high = tools ? tools.getBoundingClientRect() : null;
      const cover = high && Math.abs(high.bottom - low.top) < 2 ? high.top : low.top; // the rows stacked, stuck
      const box = target.getBoundingClientRect();
      if (box.bottom > cover && box.top < low.bottom) target.scrollIntoView({ block: "nearest" });
    });
  }

  // Bring every control in line with the answer and `ui`.
  function sync() {
    hooks.sync();
    for (const input of confidence) {
      input.checked = Number(input.value) === ui.confidence;
      input.disabled = ui.locked;
    }
    checkButton.disabled = ui.locked;
    againButton.disabled = !ui.locked || oneAttempt;
    hintButton.disabled = ui.hints >= state.hints.length;
    hintButton.textContent = ui.hints >= state.hints.length && state.hints.length ? "No more hints" : "Hint";
    if (reveal) {
      if (ui.revealed) closeConfirm();
      reveal.button.disabled = ui.revealed;
    }
  }

  // -- the answer, checking and feedback -------------------------------------------------------------------------

  /** @param {any} submission */
  function restore(submission) {
    if (!submission || typeof submission !== "object") return;
    ui.count = Number(submission.count) || 0;
    if (submission.first_answer && typeof submission.first_answer === "object") ui.first = submission.first_answer;
    ui.confidence = [1, 2, 3].includes(submission.confidence) ? submission.confidence : null;
    try {
      hooks.restore(submission.answer || {});
    } catch {
      // An answer in an unexpected shape is simply not restored.
    }
    const result = model.get("result");
    ui.locked = Boolean(result) && !result.error;
  }

  function check() {
    if (ui.locked) return;
    const blocked = hooks.blocker();
    if (blocked) {
      ctx.say(blocked);
      return;
    }
    ctx.say("");
    ui.count += 1;
    ui.locked = true;
    sync();
    const given = hooks.answer();
    if (ui.first === null) ui.first = given;
    model.set("result", null);
    model.set("submission", { answer: given, count: ui.count, confidence: ui.confidence, first_answer: ui.first });
    model.save_changes();
  }

  function tryAgain() {
    ui.locked = false;
    renderResult();
    ctx.say("You can change your answer now.");
    sync();
    hooks.focus();
  }

  function showHint() {
    if (ui.hints >= state.hints.length) return;
    ui.hints += 1;
    model.set("hints_shown", ui.hints);
    model.save_changes();
    renderHints();
    sync();
    const last = /** @type {HTMLElement | null} */ (hintsBox.lastElementChild);
    if (last) last.focus();
  }

  function renderHints() {
    hintsBox.replaceChildren();
    state.hints.slice(0, ui.hints).forEach((/** @type {string} */ hint, /** @type {number} */ index) => {
      hintsBox.append(
        h("p", { class: "ml-hint-text", tabindex: "-1" }, h("strong", { text: `Hint ${index + 1} of ${state.hints.length}:` }), ` ${hint}`),
      );
    });
  }

  // Show answer asks in the page; Cancel (or Escape) goes back to the button, with nothing recorded.
  function askToReveal() {
    if (!reveal || ui.revealed) return;
    reveal.box.hidden = false;
    reveal.button.hidden = true;
    reveal.button.setAttribute("aria-expanded", "true");
    reveal.cancel.focus();
  }

  function closeConfirm() {
    if (!reveal) return;
    reveal.box.hidden = true;
    reveal.button.hidden = false;
    reveal.button.setAttribute("aria-expanded", "false");
  }

  function cancelReveal() {
    if (!reveal) return;
    closeConfirm();
    reveal.button.focus();
  }

  function revealAnswer() {
    ui.revealed = true;
    model.set("revealed", true);
    model.save_changes();
    sync();
    renderResult();
    const first = /** @type {HTMLElement | null} */ (answerBox.firstChild);
    if (!answerBox.hidden && first) first.focus();
    else status.focus(); // the answer is in the result shown, under its score
  }

  /** @param {any} result */
  function calibration(result) {
    if (!ui.confidence || !result.max_score) return "";
    const right = result.score === result.max_score;
    /** @type {Record<number, string>} */
    const lines = {
      1: right ? "You were guessing, but you were right. Trust your reading a little more." : "You were guessing. The hints can help you next time.",
      2: right ? "You were fairly sure, and you were right." : "You were fairly sure, but part of your answer was wrong.",
      3: right ? "You were very sure, and you were right. Well done." : "You were very sure, but part of your answer was wrong. Slow down and check again.",
    };
    return lines[ui.confidence];
  }

  const KEY_HEADINGS = {
    right: "The answer",
    open: "Open questions: either answer is fine",
    wrong: view.keyWrong,
  };

  /** What one item of the key is about: its option, its sentences (with its kinds), or "There is none". */
  function keyText(/** @type {any} */ item) {
    if (item.text !== undefined) return item.text; // an item that is neither an option nor sentences (a search result)
    if (item.option !== undefined) {
      const option = state.options.find((/** @type {any} */ o) => o.id === item.option);
      return option ? `“${option.text}”` : item.option;
    }
    if (!item.units) return "There is none.";
    const text = item.units.flat().map(ctx.quoteOf).join(" ");
    if (!item.kind) return text;
    const also = (item.also || []).map((/** @type {string} */ k) => labelNames.get(k)).join(", ");
    return `${text} (${labelNames.get(item.kind)}${also ? `; also accepted: ${also}` : ""})`;
  }

  // The key, as every key shows it (medialit.kinds.key): each role under its heading, then the takeaway.
  function renderAnswerKey() {
    answerBox.replaceChildren();
    answerBox.hidden = true;
    if (!ui.revealed || !keyView || shownResult()) return;
    let first = true;
    for (const [role, heading] of Object.entries(KEY_HEADINGS)) {
      const items = keyView.items.filter((/** @type {any} */ item) => item.role === role);
      if (!items.length) continue;
      const list = h("ul", { class: "ml-items" });
      for (const item of items) {
        list.append(h("li", { class: "ml-item", "data-role": role }, h("p", { text: keyText(item) }), h("p", { text: item.explanation })));
      }
      answerBox.append(h("h4", { class: "ml-answer-title", tabindex: first ? "-1" : null, text: heading }), list);
      first = false;
    }
    if (keyView.takeaway) answerBox.append(h("p", { class: "ml-takeaway" }, h("strong", { text: "Remember:" }), ` ${keyView.takeaway}`));
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
    hooks.unmark();
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
    status.textContent = view.scored
      ? `You scored ${points(result.score)} of ${points(state.max_score)} points.`
      : "Your answer is saved. This question is not scored: read what each view gets right or misses.";
    if (view.scored) feedback.append(h("p", { class: "ml-rule", text: state.rule })); // an unscored kind's is said above
    const showMissed = ui.revealed || ui.count >= 2;
    if (showMissed && !ui.revealed && result.items.some((/** @type {any} */ item) => item.verdict === "missed")) {
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
      const icon = ICONS[/** @type {keyof typeof ICONS} */ (item.verdict)];
      list.append(
        h(
          "li",
          { class: "ml-item", "data-verdict": item.verdict },
          h("p", { class: "ml-verdict" }, h("span", { class: "ml-icon", "aria-hidden": "true", text: icon }), " ", h("strong", { text: hooks.word(item) })),
          h("p", { class: "ml-quote", text: hooks.text(item) }),
          h("p", { class: "ml-explanation", text: item.explanation }),
        ),
      );
      hooks.mark(item);
    }
    if (list.childElementCount) feedback.append(list);
    if (hidden) {
      const still = hidden === 1 ? "One answer is still to find." : `${hidden} answers are still to find.`;
      feedback.append(h("p", { class: "ml-more", text: `${still} Press Try again, or Show answer.` }));
    }
    const line = calibration(result);
    if (line) feedback.append(h("p", { class: "ml-calibration", text: line }));
    if (keyView && keyView.takeaway) {
      feedback.append(h("p", { class: "ml-takeaway" }, h("strong", { text: "Remember:" }), ` ${keyView.takeaway}`));
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
