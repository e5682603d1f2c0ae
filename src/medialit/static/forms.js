// @ts-check
// Which check form a learner does first, shown on the check form pages: "Do form A first, then form B at the end of
// the module." Half of a class does form A first, decided from the learner's name as the teacher's tools compare names
// (learners.js keyOf, medialit.handin.learner_key) with the same hash as medialit.forms.form_hash: 32-bit FNV-1a over
// the UTF-8 bytes, then MurmurHash3's final mix; an even hash is form A. The teacher's tools decide the same way,
// unless the teacher gives them a file with another order.
// In the book it runs after progress.js (which defines `window.medialit.learners`); under Node it only defines
// `globalThis.medialit.forms`, for the tests.

(() => {
  const root = /** @type {any} */ (globalThis);
  root.medialit = root.medialit || {};
  if (root.medialit.forms) return;

  /** The 32-bit hash of a normalised name (medialit.forms.form_hash). */
  function formHash(key) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(String(key))) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    }
    value ^= value >>> 16;
    value = Math.imul(value, 0x85ebca6b) >>> 0;
    value ^= value >>> 13;
    value = Math.imul(value, 0xc2b2ae35) >>> 0;
    value ^= value >>> 16;
    return value >>> 0;
  }

  /** "A" or "B": the form the learner with this normalised name does first. */
  const firstForm = (key) => (formHash(key) % 2 === 0 ? "A" : "B");

  /** The line for the learner working now, or the request for a name. */
  function line(learners) {
    const key = learners.current();
    if (!key) return "Type your name under “Who is working?” first. Your name decides which form you do first.";
    const first = firstForm(decodeURIComponent(key));
    const then = first === "A" ? "B" : "A";
    return `Do form ${first} first, then form ${then} at the end of the module. If your teacher gives you another `
      + "order, follow your teacher.";
  }

  function show() {
    const learners = root.medialit.learners;
    // The page's own title: the theme puts a print-only copy of it in front of the article.
    const heading = document.querySelector("article h1") || document.querySelector("main h1");
    if (!learners || !heading || document.querySelector(".medialit-form-order")) return;
    const note = document.createElement("p");
    note.className = "medialit-form-order";
    const strong = document.createElement("strong");
    strong.textContent = line(learners);
    note.append(strong);
    heading.after(note);
  }

  root.medialit.forms = { formHash, firstForm };
  if (typeof document === "undefined") return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
