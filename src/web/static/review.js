// Review page: zoomable scan, the focused field's source box highlighted on the scan, keyboard shortcuts.
// Served as a file (the CSP allows no inline script); boxes are positioned through the CSSOM, not style attributes.
(function () {
  'use strict';
  var pages = document.getElementById('scan-pages');
  var zoomLabel = document.getElementById('zoom-level');
  var zoom = 1;

  function pageOf(doc, page) {
    return pages && pages.querySelector('.scan-page[data-doc="' + doc + '"][data-page="' + page + '"]');
  }

  // One overlay box per field that has a source box.
  var boxes = new Map();
  document.querySelectorAll('input.field[data-doc]').forEach(function (input) {
    var page = pageOf(input.dataset.doc, input.dataset.page);
    if (!page) return;
    var box = document.createElement('div');
    box.className = 'scan-box';
    box.style.left = input.dataset.left;
    box.style.top = input.dataset.top;
    box.style.width = input.dataset.width;
    box.style.height = input.dataset.height;
    page.appendChild(box);
    boxes.set(input, box);
  });

  // A doubtful value (handwriting, a misread) shows the piece of the scan it was read from under its input, so the
  // agent compares the two without hunting for it on the page, and confirms or types only those.
  var CROP_MAX_HEIGHT = 96;
  document.querySelectorAll('tr.low input.field[data-doc], td.low input.field[data-doc]').forEach(function (input) {
    var page = pageOf(input.dataset.doc, input.dataset.page);
    var source = page && page.querySelector('img');
    if (!source) return;
    var crop = document.createElement('div');
    crop.className = 'field-crop';
    crop.setAttribute('role', 'img');
    crop.setAttribute('aria-label', (input.getAttribute('aria-label') || input.id) + ': scan');
    var img = document.createElement('img');
    img.alt = '';
    crop.appendChild(img);
    input.insertAdjacentElement('afterend', crop);
    var box = ['left', 'top', 'width', 'height'].map(function (k) { return parseFloat(input.dataset[k]) / 100; });
    function place() {
      var w = img.naturalWidth;
      var h = img.naturalHeight;
      // Scale the page so the box fills the crop's width, unless that makes a tall box taller than the row allows.
      var scale = Math.min(crop.clientWidth / (box[2] * w), CROP_MAX_HEIGHT / (box[3] * h));
      img.style.width = w * scale + 'px';
      img.style.left = -box[0] * w * scale + 'px';
      img.style.top = -box[1] * h * scale + 'px';
      crop.style.height = box[3] * h * scale + 'px';
      crop.classList.add('ready');
    }
    img.addEventListener('load', place);
    img.src = source.src;
  });

  function setZoom(value) {
    zoom = Math.min(4, Math.max(0.5, value));
    if (!pages) return;
    pages.querySelectorAll('.scan-page').forEach(function (p) { p.style.width = zoom * 100 + '%'; });
    if (zoomLabel) zoomLabel.textContent = Math.round(zoom * 100) + '%';
  }
  document.querySelectorAll('[data-zoom]').forEach(function (button) {
    button.addEventListener('click', function () {
      var step = Number(button.dataset.zoom);
      setZoom(step === 0 ? 1 : zoom * (step > 0 ? 1.25 : 0.8));
    });
  });
  if (pages) {
    pages.addEventListener('wheel', function (event) {
      if (!event.ctrlKey) return;
      event.preventDefault();
      setZoom(zoom * (event.deltaY < 0 ? 1.1 : 0.9));
    }, { passive: false });
  }

  function highlight(input) {
    boxes.forEach(function (box) { box.classList.remove('active'); });
    var box = boxes.get(input);
    if (!box) return;
    box.classList.add('active');
    var container = pages.getBoundingClientRect();
    var rect = box.getBoundingClientRect();
    if (rect.top < container.top || rect.bottom > container.bottom || rect.left < container.left || rect.right > container.right) {
      pages.scrollBy({ top: rect.top - container.top - container.height / 3, left: rect.left - container.left - 40, behavior: 'smooth' });
    }
  }

  var fields = Array.prototype.slice.call(document.querySelectorAll('#fields-form input.field:not([readonly])'));
  fields.forEach(function (input, index) {
    input.addEventListener('focus', function () { highlight(input); });
    input.addEventListener('keydown', function (event) {
      // Enter moves on instead of submitting: an agent goes down the fields fixing what is marked.
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        var next = fields[(index + 1) % fields.length];
        next.focus();
        next.select();
      }
    });
  });

  var approve = document.getElementById('approve');
  var nextApp = document.getElementById('next-application');
  document.addEventListener('keydown', function (event) {
    // Keys typed into an answer to the customer are the answer's, not shortcuts.
    if (event.target && event.target.closest && event.target.closest('#answer-form')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && approve) {
      event.preventDefault();
      approve.click();
    } else if (event.altKey && (event.key === 'n' || event.key === 'N' || event.code === 'KeyN') && nextApp) {
      event.preventDefault();
      nextApp.click();
    }
  });

  // Start on the first doubtful field, so the agent begins where the machine was unsure.
  var first = document.querySelector('#fields-form tr.error input.field, #fields-form tr.low input.field:not([readonly]), #fields-form tr.invalid input.field:not([readonly])');
  if (first) first.focus();
})();
