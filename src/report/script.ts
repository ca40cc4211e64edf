/**
 * The report's only script: the details panel. It is static (no data is ever spliced into it): it reads the
 * figure's `data-*` attributes and writes them with `textContent`, never as HTML. Without scripts the page still
 * shows every highlight, a tooltip per figure and the table that links to each one.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var panel = document.getElementById('details');
  var list = document.getElementById('details-list');
  var quote = document.getElementById('details-quote');
  var heading = document.getElementById('details-title');
  if (!panel || !list || !quote || !heading) return;
  var FIELDS = [
    ['metric', 'Metric'], ['value', 'Value'], ['min', 'Min'], ['max', 'Max'], ['qualifier', 'Qualifier'],
    ['unit', 'Unit'], ['year', 'Year'], ['period', 'Period'], ['statute', 'Statute'], ['actor', 'Actor'],
    ['breakdown', 'Breakdown'], ['partOf', 'Part of'], ['comparedWith', 'Compared with'], ['section', 'Section'],
    ['audit', 'Audit'], ['id', 'Figure id']
  ];
  var active = [];
  function primaryOf(node) {
    var mark = node && node.closest ? node.closest('mark.fig') : null;
    return mark ? document.getElementById(mark.getAttribute('data-ref')) : null;
  }
  function show(fig) {
    active.forEach(function (el) { el.classList.remove('active'); });
    active = Array.prototype.slice.call(document.querySelectorAll('mark.fig[data-ref="' + fig.id + '"]'));
    active.forEach(function (el) { el.classList.add('active'); });
    var d = fig.dataset;
    var amount = d.value !== undefined ? d.value
      : d.min !== undefined || d.max !== undefined ? (d.min || '') + '-' + (d.max || '')
      : (d.qualifier || '').replace(/_/g, ' ');
    heading.textContent = d.metric + ' ' + amount;
    list.replaceChildren();
    FIELDS.forEach(function (pair) {
      var value = fig.dataset[pair[0]];
      if (pair[0] === 'value' && value === undefined) value = 'none';
      if (value === undefined) return;
      var dt = document.createElement('dt');
      var dd = document.createElement('dd');
      dt.textContent = pair[1];
      dd.textContent = value;
      dd.setAttribute('data-field', pair[0]);
      list.append(dt, dd);
    });
    quote.textContent = fig.getAttribute('data-quote') || '';
    panel.hidden = false;
  }
  function hide() {
    panel.hidden = true;
    active.forEach(function (el) { el.classList.remove('active'); });
    active = [];
  }
  document.addEventListener('click', function (event) {
    var fig = primaryOf(event.target);
    if (fig) show(fig);
  });
  document.addEventListener('mouseover', function (event) {
    var fig = primaryOf(event.target);
    if (fig) show(fig);
  });
  document.addEventListener('focusin', function (event) {
    var fig = primaryOf(event.target);
    if (fig) show(fig);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { hide(); return; }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var fig = primaryOf(event.target);
    if (fig) { event.preventDefault(); show(fig); }
  });
  var close = panel.querySelector('.close');
  if (close) close.addEventListener('click', hide);
})();
`;
