// @ts-check
// The pairs view: select two sentences, add them as a pair; the pairs so far are listed, each with Remove. Two
// documents stand side by side where the exercise is wide enough, and are two tabs where it is not.
import { h } from "../../static/dom.js";
import { buildSentences } from "../sentences.js";

/** @type {import("../../static/widget.js").View} */
export const pairsView = {
  ownPrompt: false,
  scored: true,
  keyWrong: "Looks suspicious, but is fine",
  create(ctx) {
    const state = ctx.state;
    const place = (/** @type {string} */ unit) => ctx.order.get(unit) ?? 0;
    /** @type {string[]} at most two unit ids */
    let picked = [];
    /** @type {string[][]} */
    const pairs = [];
    /** @type {ReturnType<typeof buildSentences> | null} */
    let sentences = null;
    /** @type {HTMLElement} */
    let pickedNote;
    /** @type {HTMLButtonElement} */
    let addPairButton;
    /** @type {HTMLElement} */
    let pairList;
    /** @type {ReturnType<typeof documentTabs> | null} */
    let tabs = null;

    // The focus goes back to the sentences in view (with tabs, the open document's).
    function focusSentences() {
      if (tabs) tabs.focus();
      else if (sentences) sentences.focusActive();
    }

    /** @param {string} unitId */
    function toggle(unitId) {
      if (ctx.lockedNotice()) return;
      ctx.say("");
      const at = picked.indexOf(unitId);
      if (at >= 0) picked.splice(at, 1);
      else {
        picked.push(unitId);
        if (picked.length > 2) picked.shift();
      }
      ctx.changed();
    }

    function addPair() {
      if (ctx.lockedNotice()) return;
      if (picked.length !== 2) {
        ctx.say("Select two sentences first.");
        return;
      }
      const pair = [...picked].sort((a, b) => place(a) - place(b));
      if (pairs.some((p) => p[0] === pair[0] && p[1] === pair[1])) {
        ctx.say("You already have this pair.");
        return;
      }
      pairs.push(pair);
      picked = [];
      ctx.say(`Pair ${pairs.length} added.`);
      ctx.changed();
      focusSentences();
    }

    /** @param {number} index */
    function removePair(index) {
      if (ctx.lockedNotice()) return;
      pairs.splice(index, 1);
      ctx.say(`Pair ${index + 1} removed.`);
      ctx.changed();
      focusSentences();
    }

    return {
      build(root) {
        sentences = buildSentences(ctx, root, "Select two sentences that contradict each other, then press Add pair.", toggle, () => {});
        const docs = /** @type {HTMLElement} */ (root.lastElementChild);
        if (state.documents.length === 2) tabs = documentTabs(ctx, docs, sentences.listboxes, toggle);
        pickedNote = h("p", { class: "ml-picked", id: `${ctx.uid}-picked` });
        addPairButton = /** @type {HTMLButtonElement} */ (
          h("button", { type: "button", class: "ml-add-pair", text: "Add pair", "aria-describedby": `${ctx.uid}-picked`, onclick: addPair })
        );
        pairList = h("ul", { class: "ml-pairs", "aria-labelledby": `${ctx.uid}-pairs` });
        root.append(
          pickedNote,
          h("div", { class: "ml-tools" }, addPairButton),
          h("h4", { id: `${ctx.uid}-pairs`, class: "ml-pairs-title", text: "Your pairs" }),
          pairList,
        );
      },
      answer() {
        return { pairs: pairs.map((p) => [...p]) };
      },
      restore(raw) {
        for (const p of raw.pairs || []) if (ctx.units.has(p[0]) && ctx.units.has(p[1])) pairs.push([p[0], p[1]]);
      },
      sync() {
        for (const [id, info] of ctx.units) {
          if (!info.option) continue;
          info.option.setAttribute("aria-selected", String(picked.includes(id)));
          const numbers = pairs.map((p, i) => (p.includes(id) ? i + 1 : 0)).filter(Boolean);
          const badge = numbers.length ? ` (pair ${numbers.join(", ")})` : "";
          if (info.option.lastChild) info.option.lastChild.textContent = badge;
          info.option.classList.toggle("ml-paired", badge !== "");
        }
        if (sentences) sentences.sync();
        if (tabs) tabs.pin(picked);
        pickedNote.textContent =
          picked.length === 0
            ? "No sentences selected for a new pair."
            : `Selected for a new pair: ${picked.map((u) => ctx.units.get(u)?.place).join(" and ")}.`;
        addPairButton.disabled = ctx.locked() || picked.length !== 2;
        pairList.replaceChildren();
        pairs.forEach((pair, index) => {
          const remove = /** @type {HTMLButtonElement} */ (
            h("button", { type: "button", class: "ml-remove", text: "Remove", "aria-label": `Remove pair ${index + 1}`, onclick: () => removePair(index) })
          );
          remove.disabled = ctx.locked();
          pairList.append(
            h("li", { class: "ml-pair" }, h("strong", { text: `Pair ${index + 1}` }), h("p", { text: ctx.quoteOf(pair[0]) }), h("p", { text: ctx.quoteOf(pair[1]) }), remove),
          );
        });
        if (!pairs.length) pairList.append(h("li", { class: "ml-empty", text: "No pairs yet." }));
      },
      blocker() {
        return null;
      },
      focus() {
        focusSentences();
      },
      word(item) {
        if (item.verdict === "discussion") return "Open question: either answer is fine";
        if (item.verdict === "found") return item.credit < 1 ? "Found in part" : "Found";
        if (item.verdict === "missed") return "Missed";
        return "Not a pair";
      },
      text(item) {
        return item.units.map(ctx.quoteOf).join(" ");
      },
      mark() {
        // Pairs are judged in the feedback list; the sentences keep their pair numbers.
      },
      unmark() {},
    };
  },
};

/** Below this width (of the documents' area, in CSS pixels) two documents are two tabs instead of two columns. */
const SIDE_BY_SIDE = 640;

/**
 * Two documents as two columns, or (narrower than SIDE_BY_SIDE) as two tabs, WAI-ARIA's tabs pattern: the arrow
 * keys, Home and End move between the tabs. With tabs, a sentence selected in the other document is pinned above the
 * text as a chip, with a button to clear it.
 * @param {import("../../static/widget.js").Context} ctx
 * @param {HTMLElement} docs The documents' area (two articles).
 * @param {HTMLElement[]} listboxes Their sentence lists.
 * @param {(unitId: string) => void} toggle
 */
function documentTabs(ctx, docs, listboxes, toggle) {
  // Each document goes into a panel of its own (an article cannot be a tab panel).
  const panels = [...docs.querySelectorAll(":scope > .ml-doc")].map((doc) => {
    const panel = h("div", { class: "ml-panel" });
    doc.replaceWith(panel);
    panel.append(doc);
    return panel;
  });
  const tablist = h("div", { role: "tablist", class: "ml-tabs", "aria-label": "Documents", hidden: true });
  const chips = h("div", { class: "ml-chips", "aria-live": "polite", hidden: true });
  const tabs = ctx.state.documents.map((/** @type {any} */ doc, /** @type {number} */ index) => {
    const tab = /** @type {HTMLButtonElement} */ (
      h("button", { type: "button", role: "tab", class: "ml-tab", id: `${ctx.uid}-tab-${index}`, "aria-controls": `${ctx.uid}-panel-${index}`, text: doc.label })
    );
    tab.addEventListener("click", () => select(index));
    panels[index].id = `${ctx.uid}-panel-${index}`;
    tablist.append(tab);
    return tab;
  });
  tablist.addEventListener("keydown", (event) => {
    const at = tabs.indexOf(/** @type {HTMLButtonElement} */ (event.target));
    const last = tabs.length - 1;
    /** @type {Record<string, number>} */
    const moves = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last };
    if (at < 0 || !(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key]);
    tabs[moves[event.key]].focus();
  });
  docs.prepend(tablist, chips);
  let open = 0;
  let tabbed = false;
  /** @type {string[]} */
  let pinned = [];

  /** @param {number} index */
  function select(index) {
    open = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panels.forEach((panel, i) => {
      panel.hidden = tabbed && i !== index;
    });
    pin(pinned);
  }

  /** @param {boolean} narrow */
  function layout(narrow) {
    if (narrow === tabbed) return;
    tabbed = narrow;
    docs.classList.toggle("ml-tabbed", narrow);
    tablist.hidden = !narrow;
    panels.forEach((panel, i) => {
      if (narrow) {
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tabs[i].id);
      } else {
        panel.removeAttribute("role");
        panel.removeAttribute("aria-labelledby");
      }
    });
    select(open);
  }

  /** The sentences selected in the document not in view, as chips. @param {string[]} picked */
  function pin(picked) {
    pinned = [...picked];
    chips.replaceChildren();
    for (const unitId of picked) {
      const info = ctx.units.get(unitId);
      const at = info ? panels.findIndex((panel) => info.option !== null && panel.contains(info.option)) : -1;
      if (!info || !tabbed || at === open) continue;
      const clear = h("button", {
        type: "button",
        class: "ml-chip-clear",
        text: "Clear",
        "aria-label": `Clear the sentence selected in ${info.doc.label}`,
        onclick: () => {
          toggle(unitId);
          focusOpen();
        },
      });
      const quote = h("span", { lang: info.doc.lang || "en", dir: info.doc.dir === "rtl" ? "rtl" : "ltr", text: info.text });
      chips.append(h("p", { class: "ml-chip" }, h("span", { class: "ml-chip-text" }, `Selected in ${info.doc.label}: “`, quote, "”"), clear));
    }
    chips.hidden = !chips.childElementCount;
  }

  function focusOpen() {
    const box = listboxes[tabbed ? open : 0];
    const option = box && /** @type {HTMLElement | null} */ (box.querySelector('[role="option"][tabindex="0"]'));
    if (option) option.focus();
  }

  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => layout(docs.clientWidth > 0 && docs.clientWidth < SIDE_BY_SIDE)).observe(docs);
  }
  select(0);
  return { pin, focus: focusOpen };
}
