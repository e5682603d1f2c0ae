// @ts-check
// The documents as lists of selectable sentences, shared by the views of the kinds played on sentences (highlight,
// pairs): one listbox per document, a group per paragraph, moved through with the arrow keys, selected with Space.
import { h } from "../static/dom.js";

/**
 * Draw the documents into `root`; `toggle(unitId)` on a click, Space or Enter, `focused(unitId)` when a sentence
 * takes the focus. Fills each sentence's `option` in `ctx.units`.
 * @param {import("../static/widget.js").Context} ctx
 * @param {HTMLElement} root
 * @param {string} help What to do, in words (the keyboard is explained after it).
 * @param {(unitId: string) => void} toggle
 * @param {(unitId: string) => void} focused
 * @returns {{listboxes: HTMLElement[], focusActive: () => void, sync: () => void}}
 */
export function buildSentences(ctx, root, help, toggle, focused) {
  const state = ctx.state;
  /** @type {HTMLElement[]} */
  const listboxes = [];
  root.append(h("p", { class: "ml-help", text: `${help} With a keyboard: Tab to the text, move with the arrow keys, select with Space.` }));
  const docs = h("div", { class: `ml-docs${state.documents.length > 1 ? " ml-two" : ""}` });
  for (const doc of state.documents) {
    const headingId = `${ctx.uid}-doc-${listboxes.length}`;
    // The document's language and direction (from the catalogue) on its container: an Arabic or Hebrew text runs
    // right to left, and each sentence is isolated (widget.css) so that Latin names inside it keep their order.
    const box = h("div", {
      role: "listbox",
      class: "ml-listbox",
      "aria-multiselectable": "true",
      "aria-labelledby": headingId,
      lang: doc.lang || "en",
      dir: doc.dir === "rtl" ? "rtl" : "ltr",
    });
    // Japanese and Chinese put no space between sentences.
    const spaced = !/^(ja|zh)(-|$)/.test(doc.lang || "");
    for (const paragraph of doc.paragraphs) {
      const group = h("div", { role: "group", class: "ml-para", "aria-label": `Paragraph ${paragraph.number}`, "data-number": paragraph.number });
      for (const unit of paragraph.units) {
        const info = ctx.units.get(unit.id);
        const option = h(
          "span",
          { role: "option", class: "ml-unit", tabindex: "-1", "aria-selected": "false", "data-unit": unit.id },
          h("span", { class: "ml-text", text: unit.text }),
          h("span", { class: "ml-badge", lang: "en", dir: "ltr" }), // the page's words, not the document's
        );
        option.addEventListener("click", () => {
          focusOption(box, option);
          toggle(unit.id);
        });
        option.addEventListener("focus", () => focused(unit.id));
        if (info) info.option = option;
        group.append(option);
        if (spaced) group.append(" ");
      }
      box.append(group);
    }
    const first = /** @type {HTMLElement | null} */ (box.querySelector('[role="option"]'));
    if (first) first.tabIndex = 0;
    box.addEventListener("keydown", (event) => onListKey(box, event));
    listboxes.push(box);
    const title = `${doc.label}: ${doc.title}`;
    docs.append(h("article", { class: "ml-doc" }, h("h4", { id: headingId, class: "ml-doc-title", text: title }), box));
  }
  root.append(docs);

  /**
   * @param {HTMLElement} box
   * @param {HTMLElement} option
   */
  function focusOption(box, option) {
    for (const other of box.querySelectorAll('[role="option"]')) /** @type {HTMLElement} */ (other).tabIndex = -1;
    option.tabIndex = 0;
    option.focus();
  }

  /**
   * @param {HTMLElement} box
   * @param {KeyboardEvent} event
   */
  function onListKey(box, event) {
    const options = /** @type {HTMLElement[]} */ ([...box.querySelectorAll('[role="option"]')]);
    const current = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest('[role="option"]'));
    const index = current ? options.indexOf(current) : -1;
    let next = null;
    // Right to left, the next sentence is to the left: the arrow keys follow the text on screen.
    const forward = box.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    switch (event.key) {
      case "ArrowDown":
      case forward:
        next = options[Math.min(index + 1, options.length - 1)];
        break;
      case "ArrowUp":
      case "ArrowLeft":
      case "ArrowRight":
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
        if (current && current.dataset.unit) toggle(current.dataset.unit);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) focusOption(box, next);
  }

  return {
    listboxes,
    focusActive() {
      const option = listboxes.length && /** @type {HTMLElement | null} */ (listboxes[0].querySelector('[role="option"][tabindex="0"]'));
      if (option) option.focus();
    },
    sync() {
      for (const box of listboxes) box.setAttribute("aria-readonly", String(ctx.locked()));
    },
  };
}
