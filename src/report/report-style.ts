/**
 * The report's base stylesheet (the layers add their own rules). Allowed by its hash in the
 * Content-Security-Policy; the page has no `style` attributes, so no 'unsafe-inline' is needed.
 */
export const BASE_STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#5a5a5a;--line:#d0d0d0;--focus:#0b57d0}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:17px/1.65 Georgia,'Times New Roman',serif}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:2}
.skip:focus{left:.5rem}
header.top{padding:1rem 1.5rem .5rem;border-bottom:1px solid var(--line);font-family:system-ui,sans-serif}
header.top h1{font-size:1.35rem;margin:0 0 .25rem}
.meta{color:var(--muted);font-size:.9rem;margin:0}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(20rem,32rem);gap:2rem;max-width:84rem;margin:0 auto;padding:1rem 1.5rem 3rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:44rem}
aside{font:14px/1.5 system-ui,sans-serif}
aside section{border-top:1px solid var(--line);padding:.6rem 0}
aside h2{font-size:1rem;margin:.2rem 0 .4rem}
.muted{color:var(--muted)}
mark.seg{background:none;color:inherit}
mark.seg[tabindex]:focus{outline:3px solid var(--focus);outline-offset:2px}
mark.seg.active{background-image:linear-gradient(rgba(11,87,208,.2),rgba(11,87,208,.2))}
.mk{display:none;font:600 .62em/1.1 system-ui,sans-serif;border:1px solid #444;border-radius:3px;padding:0 .25em;margin:0 .2em 0 .1em;vertical-align:.45em;white-space:nowrap;background:#fff;color:#111}
.mk::before{content:attr(data-label)}
.noteref{font:600 .7em/1 system-ui,sans-serif;display:none}
.noteref a{color:var(--focus);text-decoration:none;padding:0 .1em}
.noteref a:focus{outline:2px solid var(--focus)}
#ct-details{position:sticky;top:0;z-index:1;background:#f6f8fb;border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;min-height:3.5rem;margin-bottom:.5rem}
#ct-details .desc + .desc{border-top:1px dashed var(--line);margin-top:.35rem;padding-top:.35rem}
.desc ul{margin:.2rem 0 0;padding-left:1.1rem}
fieldset.layers{border:1px solid var(--line);border-radius:6px;margin:0;padding:.4rem .7rem .6rem}
fieldset.layers legend{font-weight:600;padding:0 .3rem}
.legend{list-style:none;margin:0;padding:0}
.legend li{margin:.25rem 0}
.legend label{display:flex;gap:.5rem;align-items:baseline;cursor:pointer}
.legend input{flex:none;width:1.05rem;height:1.05rem}
html:not(.js) .legend input{display:none}
.legend input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.legend .sample{font:15px/1.4 Georgia,serif;padding:0 .15em}
.legend .signal{display:block;color:var(--muted);font-size:.85em}
.legend .count{color:var(--muted)}
.swatch{display:inline-block;min-width:2.1em;text-align:center;border:1px solid #444;border-radius:3px;font-weight:600;font-size:.8em;margin-right:.35em}
.speakers li,.outlets li,.notes li{margin:.35rem 0}
.speakers ul,.outlets ul,.notes ol{padding-left:1.2rem;margin:.2rem 0}
.state{font-weight:600}
.evidence{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}
.evidence dt{color:var(--muted)}
.evidence dd{margin:0}
svg.graph{max-width:100%;height:auto;font:10.5px system-ui,sans-serif}
svg.graph .edge{fill:none;stroke:#666}
svg.graph marker path{fill:#666}
svg.graph .node rect{fill:#fff;stroke:#333;stroke-width:1}
svg.graph .node-article rect{fill:#eee}
svg.graph .node-direct rect{fill:#fafafa;stroke:#999;stroke-dasharray:1 2}
svg.graph .node-direct text{font-style:italic;fill:#444}
svg.graph .node-state rect{stroke-dasharray:4 2;stroke-width:1.5}
svg.graph .node text{fill:#111}
.graph-key{color:var(--muted);font-size:.85em;margin:.2rem 0}
.diagnostics li{color:var(--muted)}
footer{font:12px system-ui,sans-serif;color:var(--muted);padding:1rem 1.5rem;border-top:1px solid var(--line)}
@media (max-width:60rem){.layout{display:block}}
@media print{
  body{font-size:11pt}
  .layout{display:block;padding:0}
  .skip,#ct-details,.legend input,.graph-list,.goto,.back{display:none!important}
  .legend li.off{display:none}
  aside{break-before:page}
  .noteref a{color:#000}
  mark.seg:focus{outline:none}
  mark.seg.active{background-image:none}
  header.top{border:0}
}
`;
