/**
 * The stylesheet of the web app's own pages (the article page keeps the report's). Allowed by
 * its hash in the Content-Security-Policy; the pages have no `style` attributes, and the charts
 * use SVG presentation attributes and classes, so no 'unsafe-inline' is needed.
 */
export const APP_STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--line:#d0d0d0;--focus:#0b57d0;--bar:#3b6ea5;--bar2:#8a5a00}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.55 system-ui,sans-serif}
a{color:#0b4fa8}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
svg a:focus-visible{outline:3px solid var(--focus)}
svg a:focus-visible circle{stroke:var(--focus);stroke-width:4}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:2}
.skip:focus{left:.5rem}
header.app{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.7rem 1.5rem;border-bottom:1px solid var(--line);background:#f6f8fb}
header.app .brand{font-weight:700;color:var(--ink);text-decoration:none}
header.app nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
form.search{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
form.search input[type=search]{font:inherit;padding:.3rem .5rem;min-width:16rem;border:1px solid #888;border-radius:4px}
form.search select,form.search button{font:inherit;padding:.3rem .6rem;border:1px solid #888;border-radius:4px;background:#fff}
form.search button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}
main{max-width:70rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-top:1px solid var(--line);padding-top:.8rem}
.muted,.meta{color:var(--muted)}
.meta{font-size:.9rem}
.pending{border-left:4px solid #8a5a00;background:#fff8e6;padding:.4rem .8rem;margin:.6rem 0}
.pending::before{content:"Pending: ";font-weight:700}
.stats{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
.stats strong{font-size:1.2rem}
ol.results,ul.results{padding-left:1.4rem}
.results li{margin:.45rem 0}
blockquote{margin:.2rem 0;padding-left:.8rem;border-left:3px solid var(--line);font-family:Georgia,serif}
blockquote.big{font-size:1.25rem}
table{border-collapse:collapse;margin:.4rem 0;max-width:100%}
td,li,h1,p{overflow-wrap:anywhere}
th,td{border-bottom:1px solid var(--line);padding:.2rem .6rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
nav.pager{display:flex;gap:1rem;margin:1rem 0}
.tag{display:inline-block;border:1px solid #555;border-radius:3px;padding:0 .3em;font-size:.8em;font-weight:600}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem 2rem}
figure{margin:0}
figcaption{font-weight:600;margin:.3rem 0}
svg.chart{max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg.chart .bar{fill:var(--bar)}
svg.chart .bar.alt{fill:var(--bar2)}
svg.chart .axis{stroke:#888}
svg.chart text{fill:#111}
svg.graph{max-width:100%;height:auto;font:11px system-ui,sans-serif;border:1px solid var(--line);border-radius:6px}
svg.graph .edge{stroke:#777;fill:none}
svg.graph .edge.via{stroke-dasharray:5 3}
svg.graph marker path{fill:#777}
svg.graph circle{fill:#fff;stroke:#333;stroke-width:1.5}
svg.graph .state circle{stroke-dasharray:4 2;stroke-width:2.5}
svg.graph text{fill:#111}
form.filter{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
form.filter input{width:5rem;font:inherit;padding:.2rem .4rem}
form.filter button{font:inherit;padding:.2rem .6rem}
details summary{cursor:pointer}
footer{font-size:12px;color:var(--muted);padding:1rem 1.5rem;border-top:1px solid var(--line)}
@media (max-width:40rem){form.search input[type=search]{min-width:0;width:100%}}
`;
