/**
 * The customer's page's whole style, sent in a <style> element that the page's CSP allows by its
 * nonce: no stylesheet request, no inline `style` attributes. Phone first; the column widens on a
 * desktop. Colours keep 4.5:1 contrast in both schemes.
 */
export const statusPageCss = `
*,*::before,*::after{box-sizing:border-box}
:root{color-scheme:light dark;--bg:#f4f6f8;--card:#fff;--text:#1b1f24;--muted:#4f5861;--line:#d5dbe1;--accent:#0b5cad;--accent-text:#fff;--ok:#1d6b35;--ok-bg:#e3f3e8;--bad:#a3231b;--bad-bg:#fbe6e4}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--card:#1d2126;--text:#e8ebee;--muted:#aab3bc;--line:#39414a;--accent:#7db7f2;--accent-text:#0b1a2a;--ok:#8fd6a4;--ok-bg:#173322;--bad:#f4a79f;--bad-bg:#3a1a17}}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}
.shop{font-weight:600;color:var(--muted)}
h1{font-size:1.6rem;margin:.25rem 0 0}
h2{font-size:1.1rem;margin:0 0 .5rem}
p{margin:.25rem 0}
.muted{color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem;margin:1rem 0}
a{color:var(--accent);overflow-wrap:anywhere}
.banner{border-radius:12px;padding:.75rem 1rem;margin:1rem 0;font-weight:600}
.ok{background:var(--ok-bg);color:var(--ok)}
.bad{background:var(--bad-bg);color:var(--bad)}
ol.steps{list-style:none;display:flex;flex-direction:column;padding:0;margin:.5rem 0 0;gap:.25rem}
ol.steps li{color:var(--muted);border-left:6px solid var(--line);padding:.1rem 0 .1rem .6rem}
ol.steps li.done{border-color:var(--accent);color:var(--text)}
@media (min-width:34rem){ol.steps{flex-direction:row}ol.steps li{flex:1;text-align:center;font-size:.85rem;border-left:0;border-top:6px solid var(--line);padding:.4rem 0 0}}
ol.steps li[aria-current]{font-weight:700;color:var(--text)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.35rem 0;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
.num{text-align:right;white-space:nowrap;padding-left:.75rem}
tfoot th,tfoot td{border-bottom:0;color:var(--text)}
.due td,.due th{font-weight:700}
ul.notes{list-style:none;padding:0;margin:0}
ul.notes li{border-left:4px solid var(--accent);padding:.25rem .75rem;margin:.5rem 0;white-space:pre-line}
ul.notes time{display:block;font-size:.85rem;color:var(--muted)}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
select,textarea{width:100%;font:inherit;color:inherit;background:var(--card);border:1px solid var(--muted);border-radius:8px;padding:.6rem}
textarea{min-height:6rem;resize:vertical}
button{font:inherit;font-weight:600;margin-top:.75rem;padding:.7rem 1.2rem;min-height:44px;border-radius:8px;border:0;background:var(--accent);color:var(--accent-text);cursor:pointer}
button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.contact{white-space:pre-line}
footer{text-align:center;margin:1.5rem 0}
`;
