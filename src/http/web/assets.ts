import { createHash } from 'node:crypto';
import { SEARCH_SUGGEST_JS } from './search-suggest-script.js';

/**
 * The site's only stylesheet and script, served from memory. Their URLs carry a hash of the
 * content, so they can be cached for a year and still change the moment the text does.
 */
const SITE_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
  --accent: #0b57d0; --code-bg: #f6f8fa; --badge-bg: #eef2f6; --warn: #8a4b00; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3;
  --line: #30363d; --accent: #6cb6ff; --code-bg: #161b22; --badge-bg: #1f2630; --warn: #f0b35b; --ok: #56d364; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; }
header.site, footer.site { border-bottom: 1px solid var(--line); padding: .75rem 1rem; }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); font-size: .9rem; margin-top: 3rem; }
header.site .inner, main, footer.site .inner { max-width: 48rem; margin: 0 auto; }
header.site .inner { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); }
form.lookup { display: flex; gap: .4rem; flex: 1 1 16rem; max-width: 26rem; }
form.lookup input { flex: 1; min-width: 0; padding: .45rem .6rem; font: inherit; border: 1px solid var(--line); border-radius: .4rem; background: var(--bg); color: var(--fg); }
form[role="search"] { position: relative; }
ul.suggestions { position: absolute; z-index: 10; top: 100%; left: 0; right: 0; margin: .2rem 0 0; padding: .2rem 0; list-style: none;
  background: var(--bg); border: 1px solid var(--line); border-radius: .4rem; max-height: 24rem; overflow-y: auto; box-shadow: 0 .3rem .8rem rgba(0, 0, 0, .15); }
li.suggestion { padding: .35rem .6rem; cursor: pointer; display: flex; flex-direction: column; }
li.suggestion[aria-selected="true"], li.suggestion:hover { background: var(--badge-bg); outline: 2px solid var(--accent); outline-offset: -2px; }
.suggestion-detail { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
button, .button { font: inherit; padding: .45rem .8rem; border-radius: .4rem; border: 1px solid var(--line); background: var(--badge-bg); color: var(--fg); cursor: pointer; }
main { padding: 1rem; overflow-wrap: break-word; }
img.chart { max-width: 100%; height: auto; background: #ffffff; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
.meta { color: var(--muted); display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.badges { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem; }
.badge { display: inline-block; background: var(--badge-bg); border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .6rem; font-size: .875rem; }
.badge.severity-high, .badge.severity-critical, .badge.risk-destructive { color: var(--warn); border-color: var(--warn); }
.badge.risk-safe { color: var(--ok); border-color: var(--ok); }
figure.command { margin: .5rem 0; border: 1px solid var(--line); border-radius: .4rem; overflow: hidden; }
figure.command figcaption { display: flex; gap: .5rem; align-items: center; justify-content: space-between; flex-wrap: wrap;
  font-size: .8rem; color: var(--muted); padding: .2rem .2rem .2rem .6rem; background: var(--badge-bg); }
figure.command .condition { font-weight: 600; color: var(--fg); }
figure.command .copy { margin-left: auto; padding: .15rem .6rem; font-size: .8rem; }
pre { margin: 0; padding: .6rem; overflow-x: auto; background: var(--code-bg); }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .92em; }
ol.actions > li { margin: .6rem 0; }
nav.toc { font-size: .9rem; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: baseline; }
nav.toc .toc-title { color: var(--muted); }
nav.toc ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .8rem; }
.verify, .why { border-left: 3px solid var(--line); padding: .1rem .8rem; margin: .8rem 0; }
.verify { border-left-color: var(--ok); }
section.fix { margin-bottom: 2rem; }
aside.decode { border: 1px solid var(--line); border-radius: .5rem; padding: 0 1rem 1rem; margin-top: 2rem; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.fields dt { color: var(--muted); } dl.fields dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th.align-left, td.align-left { text-align: left; } th.align-center, td.align-center { text-align: center; } th.align-right, td.align-right { text-align: right; }
.error-box { border: 1px solid var(--warn); border-radius: .5rem; padding: 0 1rem; }
@media (max-width: 30rem) { h1 { font-size: 1.35rem; } h2 { margin-top: 1.6rem; } nav.toc .toc-title { display: none; } .badges { margin: .4rem 0 .6rem; } .badge { font-size: .8rem; } dl.fields { grid-template-columns: 1fr; } dl.fields dd { margin-bottom: .4rem; } }
.table-scroll { overflow-x: auto; margin: .5rem 0; } .table-scroll table { min-width: 20rem; }
span.md > :first-child, div.md > :first-child { margin-top: 0; } div.md > :last-child { margin-bottom: 0; }
nav.site-nav { display: flex; gap: 1rem; }
form.log-upload fieldset { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 1rem; }
form.log-upload textarea { width: 100%; min-height: 8rem; font: .9rem ui-monospace, Consolas, monospace; }
.upload-progress progress { width: 100%; }
.verdict { border-left: 4px solid var(--warn); padding: .2rem .9rem; font-size: 1.05rem; }
.verdict.no-failure { border-left-color: var(--ok); }
svg.log-timeline { max-width: 100%; height: auto; color: var(--fg); }
td.log-line code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .82rem; }
@media print {
  header.site form, button.copy, .skip { display: none !important; }
  body { font-size: 11pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  figure.command, .verify, .why, tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  pre, code { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; overflow: visible; }
  .table-scroll { overflow: visible; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
}
/* code page */
p.plain-meaning { font-size: 1.15rem; }
aside.how-read { border-left: 4px solid var(--accent); padding: .1rem .9rem; margin: 0 0 1rem; }
aside.how-read ul, ul.related { margin: .3rem 0; padding-left: 1.2rem; }
ul.related li { margin: .25rem 0; }
.meta-inline { color: var(--muted); }
.has-article { color: var(--ok); font-weight: 600; }
.symbol { overflow-wrap: anywhere; }
details.decode-details { margin-top: 2.2rem; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
details.decode-details > summary { cursor: pointer; font-weight: 600; }
details.decode-details aside.decode { border: 0; padding: 0; margin: 0; }
/* site pages */
nav.site-nav { flex-wrap: wrap; gap: .2rem .9rem; }
h1, h2, h3 { overflow-wrap: break-word; hyphens: manual; }
form.lookup-large, form.search-large { margin: 0 0 1.2rem; }
form.lookup-large label, form.search-large label { display: block; font-weight: 600; margin-bottom: .3rem; }
.field-row { display: flex; gap: .4rem; }
.field-row input { flex: 1; min-width: 0; font: inherit; padding: .55rem .7rem; border: 1px solid var(--line); border-radius: .4rem; background: var(--bg); color: var(--fg); }
form.lookup-large .field-row input { font-size: 1.3rem; padding: .7rem .8rem; border-width: 2px; }
form.lookup-large .field-row button { font-size: 1.1rem; padding: .6rem 1rem; }
form.lookup-large .hint { color: var(--muted); font-size: .9rem; margin: .4rem 0 0; }
ul.popular-codes { padding-left: 1.2rem; }
ul.popular-codes li { margin: .25rem 0; }
.badge.has-article { margin-left: .4rem; font-size: .8rem; }
figure.command .run-note { color: var(--muted); }
.procedure-note { color: var(--muted); margin: .2rem 0 .6rem; }
ul.families li, ul.procedures li { margin: .3rem 0; }
.did-you-mean li { margin: .25rem 0; }
/* On a phone the five-link navigation shares the header; keep it short so the first fix stays near the top. */
@media (max-width: 30rem) {
  header.site { padding: .35rem .75rem; }
  header.site .inner { gap: .25rem .6rem; }
  nav.site-nav { font-size: .85rem; gap: .1rem .6rem; }
  main { padding-top: .5rem; }
  article > p.meta { font-size: .85rem; margin: 0; }
  h1 { font-size: 1.25rem; margin: .3rem 0 .6rem; }
}
.print-only { display: none; }
@media print {
  nav.site-nav, form.fix-outcome, .script-links, .diagnose-links { display: none !important; }
  footer.site { margin-top: 1.5rem; color: #000; }
  .print-only { display: block; }
}
`;

/**
 * The site script, on every page: shows each copy button and copies its command (falling back
 * to a selection where the clipboard is refused); and writes the page's full address into the
 * printed footer, where the server can put only its path (a kept page is the same bytes for
 * every host).
 */
const COPY_JS = `
for (const element of document.querySelectorAll('.page-address')) {
  element.textContent = new URL(element.textContent || location.pathname, location.href).href;
}
for (const button of document.querySelectorAll('button.copy')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const code = button.closest('figure').querySelector('code');
    const text = code.textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2500);
  });
}
`;

/**
 * The log upload form's progress, a progressive enhancement: without it the form posts as
 * usual. With it the form is sent by XMLHttpRequest so its upload events can drive a
 * <progress>: the server reads the logs as they arrive, so bytes sent are bytes read. The
 * answer (the results page, or the shared report after a 303) replaces the page.
 */
const LOGS_UPLOAD_JS = `
const form = document.querySelector('form.log-upload');
const status = form && form.querySelector('.upload-progress');
if (form && status && window.FormData && window.XMLHttpRequest) {
  const bar = status.querySelector('progress');
  const text = status.querySelector('.upload-progress-text');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    status.hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      bar.max = e.total;
      bar.value = e.loaded;
      text.textContent = 'Reading the logs: ' + Math.round((100 * e.loaded) / e.total) + '% (' + (e.loaded / 1048576).toFixed(1) + ' of ' + (e.total / 1048576).toFixed(1) + ' MiB)';
    });
    xhr.upload.addEventListener('load', () => {
      text.textContent = 'Read: putting the diagnosis together…';
    });
    xhr.addEventListener('load', () => {
      if (xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(form.action).pathname) {
        location.assign(xhr.responseURL);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', () => {
      text.textContent = 'The upload failed; sending the form without the progress bar…';
      form.submit();
    });
    xhr.send(new FormData(form));
  });
}
`;

export interface Asset {
  path: string;
  body: string;
  contentType: string;
}

const fingerprint = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);

export const SITE_STYLESHEET: Asset = {
  path: `/assets/site.${fingerprint(SITE_CSS)}.css`,
  body: SITE_CSS,
  contentType: 'text/css; charset=utf-8',
};

export const COPY_SCRIPT: Asset = {
  path: `/assets/copy.${fingerprint(COPY_JS)}.js`,
  body: COPY_JS,
  contentType: 'text/javascript; charset=utf-8',
};

export const LOGS_UPLOAD_SCRIPT: Asset = {
  path: `/assets/logs-upload.${fingerprint(LOGS_UPLOAD_JS)}.js`,
  body: LOGS_UPLOAD_JS,
  contentType: 'text/javascript; charset=utf-8',
};

/** Search-as-you-type on the header's box (search-suggest-script.ts). */
export const SEARCH_SUGGEST_SCRIPT: Asset = {
  path: `/assets/search-suggest.${fingerprint(SEARCH_SUGGEST_JS)}.js`,
  body: SEARCH_SUGGEST_JS,
  contentType: 'text/javascript; charset=utf-8',
};

export const ASSETS: readonly Asset[] = [
  SITE_STYLESHEET,
  COPY_SCRIPT,
  LOGS_UPLOAD_SCRIPT,
  SEARCH_SUGGEST_SCRIPT,
];
