/**
 * The report's stylesheet, inline so that the page needs nothing but itself. System fonts only: no web fonts, no
 * network. Highlight colours are the legend's; inner highlights lose their background inside a figure so that the
 * figure's colour wins where they overlap.
 */
export const STYLES = `
:root { --fig: #ffe08a; --fig-edge: #c79100; --num: #cfe8ff; --num-edge: #1c6dd0; --stat: #d5f0d0; --stat-edge: #2e7d32;
  --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --bg: #fbfbfd;
  --c-investigations: #1f77b4; --c-prosecutions: #e8710a; --c-convictions: #2ca02c; --c-victims_identified: #c5221f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
.page-head, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.page-head { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.note, .none { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.key { display: inline-block; width: 1.6rem; height: 1rem; border-radius: 3px; }
.key.fig { background: var(--fig); border-bottom: 2px solid var(--fig-edge); }
.key.num { background: var(--num); border-bottom: 2px solid var(--num-edge); }
.key.stat { background: var(--stat); border-bottom: 2px solid var(--stat-edge); }
.key.audit-changed, .key.audit-unexpected, .key.audit-unchecked { background: var(--fig); }
nav.toc ol { columns: 2; padding-left: 1.25rem; }
article.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; }
.facts div { display: flex; gap: .35rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font: 15px/1.7 Georgia, "Times New Roman", serif;
  max-height: 36rem; overflow-y: auto; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
mark.fig { background: var(--fig); color: inherit; border-bottom: 2px solid var(--fig-edge); cursor: pointer; border-radius: 2px; }
mark.fig mark.fig { background: #ffcf4d; }
mark.fig:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
mark.fig.active { background: #ffb300; }
mark.fig.audit-changed { outline: 2px solid #c5221f; }
.key.audit-changed { outline: 2px solid #c5221f; }
mark.fig.audit-unexpected { outline: 2px dashed #a142f4; }
.key.audit-unexpected { outline: 2px dashed #a142f4; }
mark.fig.audit-unchecked { outline: 1px dotted var(--muted); }
.key.audit-unchecked { outline: 1px dotted var(--muted); }
:target { outline: 3px solid #1a73e8; }
.num { background: var(--num); border-bottom: 1px solid var(--num-edge); }
.stat { background: var(--stat); border-bottom: 1px solid var(--stat-edge); }
mark.fig .num, mark.fig .stat { background: transparent; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
tr.group th { background: #f1f3f4; }
td.quote { font-style: italic; min-width: 16rem; }
td.audit-changed { color: #c5221f; font-weight: 600; }
td.audit-unexpected { color: #a142f4; font-weight: 600; }
.diag code { background: #f1f3f4; padding: 0 .25rem; border-radius: 3px; }
.diag.warning code, .diag.error code { background: #fde7c8; }
.trends { margin-top: 1.5rem; }
.trend-chart { display: inline-block; vertical-align: top; margin: 0 1.5rem 1rem 0; }
.trend-chart figcaption { font-weight: 600; }
svg.trend { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
svg.trend .grid { stroke: var(--line); stroke-width: 1; }
svg.trend .tick { font-size: 11px; fill: var(--muted); }
svg.trend .line { stroke-width: 2; fill: none; }
svg.trend .dot { stroke: #fff; stroke-width: 1; }
.trend-data { margin-top: .5rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .35rem; vertical-align: -1px; }
.s-investigations { stroke: var(--c-investigations); fill: var(--c-investigations); background: var(--c-investigations); }
.s-prosecutions { stroke: var(--c-prosecutions); fill: var(--c-prosecutions); background: var(--c-prosecutions); }
.s-convictions { stroke: var(--c-convictions); fill: var(--c-convictions); background: var(--c-convictions); }
.s-victims_identified { stroke: var(--c-victims_identified); fill: var(--c-victims_identified); background: var(--c-victims_identified); }
.details { position: fixed; right: 1rem; bottom: 1rem; width: min(26rem, calc(100vw - 2rem)); max-height: 70vh; overflow-y: auto;
  background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--fig-edge); border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: .75rem 1rem; }
.details[hidden] { display: none; }
.details h2 { font-size: 1.05rem; margin-right: 2rem; }
.details dl { display: grid; grid-template-columns: auto 1fr; gap: .15rem .75rem; margin: .25rem 0; }
.details dt { color: var(--muted); }
.details dd { margin: 0; overflow-wrap: anywhere; }
.details blockquote { margin: .5rem 0 0; padding: .25rem .75rem; border-left: 3px solid var(--fig); font-style: italic; white-space: pre-wrap; }
.details .close { position: absolute; top: .5rem; right: .5rem; border: 0; background: none; font-size: 1.3rem; cursor: pointer; }
@media print { .details, .text { max-height: none; } .details { display: none; } }
`;
