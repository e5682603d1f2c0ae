// @ts-check
// The pairs view: select two sentences, add them as a pair; the pairs so far are listed, each with Remove.
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
      if (sentences) sentences.focusActive();
    }

    /** @param {number} index */
    function removePair(index) {
      if (ctx.lockedNotice()) return;
      pairs.splice(index, 1);
      ctx.say(`Pair ${index + 1} removed.`);
      ctx.changed();
      if (sentences) sentences.focusActive();
    }

    return {
      build(root) {
        sentences = buildSentences(ctx, root, "Select two sentences that contradict each other, then press Add pair.", toggle, () => {});
        pickedNote = h("p", { class: "ml-picked" });
        addPairButton = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "ml-add-pair", text: "Add pair", onclick: addPair }));
        pairList = h("ul", { class: "ml-pairs", "aria-labelledby": `${ctx.uid}-pairs` });
        root.append(
          h("div", { class: "ml-pair-builder" }, pickedNote, addPairButton),
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
        if (sentences) sentences.focusActive();
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
