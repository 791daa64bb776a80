/*
 * osteoviz-embed.js: lets a slide deck hold osteoviz in an <iframe> and keep its clicker.
 *
 * osteoviz, opened with ?embed=1, forwards the keys it does not use (PageDown, PageUp, Space, N,
 * P, and the arrows when none of its controls has the focus) to the page around it with
 *   parent.postMessage({ type: "osteoviz:key", key, code, shiftKey, altKey, ctrlKey, metaKey }, "*")
 * and hands the keyboard back after a drag. Include this file in the deck:
 *
 *   <script src="osteoviz-embed.js"></script>
 *
 * In a reveal.js deck (window.Reveal present) the keys turn slides: PageDown, Space, N, → and ↓
 * go forward; PageUp, P, ← and ↑ go back. On any other page the key is replayed as a keydown
 * event on the document, so the page's own key handlers run as if the key had been pressed there.
 *
 * A lesson (?lesson=NAME) tells the page where it is with
 *   { type: "osteoviz:lesson", step, steps }
 * and the same keys, pressed in the deck, step the lesson on the slide shown first: forward
 * until its last step, back until its first; one more press turns the slide. The deck steps it
 * with { type: "osteoviz:lesson-go", by: 1 | -1 }.
 */
(function () {
  'use strict';
  var forward = { PageDown: 1, ' ': 1, n: 1, N: 1, ArrowRight: 1, ArrowDown: 1 };
  var back = { PageUp: 1, p: 1, P: 1, ArrowLeft: 1, ArrowUp: 1 };

  function fromOsteoviz(event) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) return frames[i];
    }
    return null;
  }

  // The lessons' positions, by frame: [{ frame, step, steps }].
  var lessons = [];
  function lessonOf(frame) {
    for (var i = 0; i < lessons.length; i++) if (lessons[i].frame === frame) return lessons[i];
    return null;
  }
  // The lesson on the slide shown (reveal.js's current slide, else the first visible frame).
  function shownLesson() {
    var deck = window.Reveal;
    var scope = deck && typeof deck.getCurrentSlide === 'function' ? deck.getCurrentSlide() : document;
    if (!scope) return null;
    var frames = scope.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var lesson = lessonOf(frames[i]);
      if (lesson && frames[i].getClientRects().length > 0) return lesson;
    }
    return null;
  }

  window.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var by = forward[event.key] ? 1 : back[event.key] ? -1 : 0;
    var target = event.target;
    if (!by || (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    var lesson = shownLesson();
    if (!lesson || (by > 0 ? lesson.step >= lesson.steps : lesson.step <= 1)) return; // the deck's
    event.preventDefault();
    event.stopImmediatePropagation();
    lesson.step += by; // at once: quick presses do not overshoot the last step
    lesson.frame.contentWindow.postMessage({ type: 'osteoviz:lesson-go', by: by }, '*');
  }, true);

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (data && data.type === 'osteoviz:lesson' && typeof data.step === 'number') {
      var from = fromOsteoviz(event);
      if (!from) return;
      var known = lessonOf(from);
      if (!known) lessons.push(known = { frame: from });
      known.step = data.step;
      known.steps = data.steps;
      return;
    }
    if (!data || data.type !== 'osteoviz:key' || typeof data.key !== 'string') return;
    var frame = fromOsteoviz(event);
    if (!frame) return; // only from a frame of this page
    var deck = window.Reveal;
    if (deck && typeof deck.next === 'function') {
      if (forward[data.key]) deck.next();
      else if (back[data.key]) deck.prev();
    } else {
      document.dispatchEvent(new KeyboardEvent('keydown', {
        key: data.key, code: data.code, shiftKey: !!data.shiftKey, altKey: !!data.altKey,
        ctrlKey: !!data.ctrlKey, metaKey: !!data.metaKey, bubbles: true, cancelable: true
      }));
    }
    // Take the keyboard back, so the next click of the presenter reaches the deck directly.
    frame.blur();
    window.focus();
  });
})();
