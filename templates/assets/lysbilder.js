// Slide decks of the ALIS-Nord site: one slide at a time, navigated with
// the keyboard, the slide number in the URL hash (#3). Without this script
// the deck reads as one scrolling page. No dependencies; loaded deferred,
// only on deck pages.
(function () {
  'use strict';
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  if (slides.length === 0) {
    return;
  }
  var root = document.documentElement;
  var current = -1;

  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');

  var nav = document.createElement('nav');
  nav.className = 'deck-nav';
  nav.setAttribute('aria-label', 'Bla i lysbildene');
  function button(label, text, step) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', function () { show(current + step); });
    nav.appendChild(b);
    return b;
  }
  var prev = button('Forrige lysbilde', '←', -1);
  var next = button('Neste lysbilde', '→', 1);
  var deck = document.querySelector('.deck');
  deck.parentNode.insertBefore(nav, deck.nextSibling);
  deck.parentNode.insertBefore(status, nav);

  function fromHash() {
    var n = parseInt(window.location.hash.slice(1), 10);
    return n >= 1 && n <= slides.length ? n - 1 : 0;
  }

  function show(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    if (i === current) {
      return;
    }
    if (current >= 0) {
      slides[current].classList.remove('current');
    }
    current = i;
    slides[i].classList.add('current');
    prev.disabled = i === 0;
    next.disabled = i === slides.length - 1;
    status.textContent = 'Lysbilde ' + (i + 1) + ' av ' + slides.length;
    var hash = '#' + (i + 1);
    if (moved && window.location.hash !== hash) {
      window.history.replaceState(null, '', hash);
    }
    moved = true; // the first slide shown leaves the address as it was
  }
  var moved = false;

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        show(current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        show(current - 1);
        break;
      case ' ':
        if (t && t.tagName === 'BUTTON') {
          return; // let the focused button act
        }
        show(current + (e.shiftKey ? -1 : 1));
        break;
      case 'Home':
        show(0);
        break;
      case 'End':
        show(slides.length - 1);
        break;
      case 'n':
      case 'N':
        root.classList.toggle('notes-on');
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  window.addEventListener('hashchange', function () { show(fromHash()); });

  root.classList.add('deck-on');
  show(fromHash());
}());
