/**
 * The report's one inline script, allowed by its SHA-256 hash in the Content-Security-Policy.
 * It reads its data with JSON.parse from a `type="application/json"` block and writes to the
 * page with textContent, attributes it controls, and clones of descriptions the renderer
 * escaped: it never parses article text as HTML. Without it the report still reads in full
 * (all layers on, every description reachable through `aria-describedby` and `title`).
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var dataNode = document.getElementById('ct-data');
  var root = document.getElementById('ct-article');
  var panel = document.getElementById('ct-details');
  if (!dataNode || !root || !panel) return;
  var data = JSON.parse(dataNode.textContent || '{}');
  var annotations = data.annotations || {};
  var on = {};
  (data.layers || []).forEach(function (l) { on[l.key] = root.classList.contains('on-' + l.key); });
  var segs = Array.prototype.slice.call(root.querySelectorAll('mark.seg'));
  var idle = panel.textContent;

  function words(value) { return (value || '').split(' ').filter(Boolean); }
  function visible(seg) {
    return words(seg.getAttribute('data-a')).filter(function (id) {
      return annotations[id] && on[annotations[id].layer];
    });
  }
  function refresh() {
    segs.forEach(function (seg) {
      var ids = visible(seg);
      var starts = words(seg.getAttribute('data-s')).filter(function (id) { return ids.indexOf(id) >= 0; });
      seg.classList.toggle('hl', ids.length > 0);
      if (ids.length > 0) {
        seg.setAttribute('title', ids.map(function (id) { return annotations[id].label; }).join('\\n'));
        seg.setAttribute('aria-describedby', ids.map(function (id) { return 'd-' + id; }).join(' '));
      } else {
        seg.removeAttribute('title');
        seg.removeAttribute('aria-describedby');
      }
      if (starts.length > 0) seg.setAttribute('tabindex', '0');
      else seg.removeAttribute('tabindex');
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-legend]'), function (item) {
      item.classList.toggle('off', !on[item.getAttribute('data-legend')]);
    });
  }
  function clearActive() {
    Array.prototype.forEach.call(root.querySelectorAll('.active'), function (el) { el.classList.remove('active'); });
  }
  function show(seg) {
    clearActive();
    var ids = visible(seg);
    if (ids.length === 0) return;
    panel.textContent = '';
    ids.forEach(function (id) {
      var description = document.getElementById('d-' + id);
      if (description) {
        var copy = description.cloneNode(true);
        copy.removeAttribute('id');
        panel.appendChild(copy);
      }
    });
    // Tint the whole of what starts here (a quotation in three pieces), or else the innermost thing.
    var starting = words(seg.getAttribute('data-s')).filter(function (id) { return ids.indexOf(id) >= 0; });
    var tint = starting.length > 0 ? starting : [ids[ids.length - 1]];
    segs.forEach(function (s) {
      var covers = words(s.getAttribute('data-a'));
      if (tint.some(function (id) { return covers.indexOf(id) >= 0; })) s.classList.add('active');
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[data-layer]'), function (box) {
    box.addEventListener('change', function () {
      var key = box.getAttribute('data-layer');
      on[key] = box.checked;
      root.classList.toggle('on-' + key, box.checked);
      refresh();
      if (!box.checked) { clearActive(); panel.textContent = idle; }
    });
  });
  function fromEvent(event) {
    var target = event.target;
    return target && target.closest ? target.closest('mark.seg') : null;
  }
  root.addEventListener('focusin', function (event) { var seg = fromEvent(event); if (seg) show(seg); });
  root.addEventListener('mouseover', function (event) { var seg = fromEvent(event); if (seg && seg.classList.contains('hl')) show(seg); });
  document.documentElement.classList.add('js');
  refresh();
})();
`;
