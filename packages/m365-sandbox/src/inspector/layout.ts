// The inspector's page shell: one stylesheet inline (no external assets), landmarks, a skip
// link, Dutch first with English where it costs nothing. Every value is escaped by the caller
// with `html` / escapeHtml.
import { DateTime } from 'luxon';
import { escapeHtml } from '../identity/sign-in-page.js';

export { escapeHtml };

export const ZONE = 'Europe/Amsterdam';

/** Marks a string as already-escaped HTML. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

/** Tagged template that escapes every interpolated value unless it is Html (or a list of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { html: out };
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && 'html' in value) return String((value as Html).html);
  return escapeHtml(String(value));
}

export function formatTime(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: ZONE }).toFormat('HH:mm');
}

export function formatDateTime(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: ZONE })
    .setLocale('nl')
    .toFormat('ccc d LLL yyyy HH:mm');
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424;line-height:1.4}
a{color:#0f548c}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0f6cbd;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
header.site{background:#1f3b57;color:#fff;padding:.75rem 1.5rem}header.site a{color:#fff}
main{max-width:80rem;margin:1rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:.25rem 0}
.card{background:#fff;border:1px solid #d1d1d1;border-radius:6px;padding:1rem;margin:.5rem 0}
.muted{color:#616161;font-size:.9rem}
nav.week-nav ul{list-style:none;display:flex;gap:1rem;padding:0;margin:.5rem 0}
.week{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:.25rem}
.day{background:#fff;border:1px solid #d1d1d1;border-radius:4px;min-width:0}
.day h3{font-size:.85rem;padding:.25rem .4rem;border-bottom:1px solid #e0e0e0;margin:0}
.allday{list-style:none;margin:0;padding:.2rem;min-height:1.6rem}
.grid{list-style:none;margin:0;padding:0;position:relative;height:calc(17 * 2.4rem);
  background:repeating-linear-gradient(#fff 0 calc(2.4rem - 1px),#eee calc(2.4rem - 1px) 2.4rem)}
.grid li{position:absolute;overflow:hidden;font-size:.72rem;padding:.1rem .25rem;border-radius:3px}
.event{border:2px solid #1f3b57;background:#dbe7f3}
.event .status{font-weight:600;display:block}
.showas-busy{background:#c7d9ee;border-style:solid}
.showas-tentative{background:repeating-linear-gradient(45deg,#fff 0 6px,#dbe7f3 6px 12px);border-style:dashed}
.showas-oof{background:#ead8f0;border-color:#5c2e91;border-style:double;border-width:4px}
.showas-free{background:#fff;border-style:dotted;border-width:1px}
.showas-workingElsewhere{background:radial-gradient(#b5cde6 1px,#fff 1px) 0 0/6px 6px;border-style:dotted}
.cancelled{text-decoration:line-through;opacity:.75}
.hours{display:flex;justify-content:space-between}
.invites li,.inbox li{list-style:none}
.inbox,.invites{padding:0}
form.answer{display:flex;flex-wrap:wrap;gap:.4rem;align-items:end;margin-top:.5rem}
form.answer label{display:flex;flex-direction:column;font-size:.85rem}
button{font:inherit;padding:.3rem .7rem;border:1px solid #616161;border-radius:4px;background:#fff;cursor:pointer}
button:hover{background:#f0f0f0}
.notice{background:#e7f4e4;border:1px solid #107c10;padding:.5rem 1rem;border-radius:4px}
.error{background:#fde7e9;border:1px solid #b10e1c;padding:.5rem 1rem;border-radius:4px}
.body-text{white-space:pre-wrap;margin:.5rem 0}
`;

// The answer forms post with the sandbox's control header (http/local-only.ts),
// which a plain form cannot send: fetch does, follows the redirect to the page with the notice,
// and shows an error page as it came.
const SCRIPT = `
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'post') return;
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form, event.submitter));
  const response = await fetch(form.action, {
    method: 'POST', headers: { 'x-sandbox-control': '1' }, body,
  });
  if (response.redirected) { location.assign(response.url); return; }
  document.open(); document.write(await response.text()); document.close();
});
`;

export function page(title: string, content: Html): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Inspector Microsoft 365-sandbox</title>
<style>${STYLE}</style><script>${SCRIPT}</script></head>
<body><a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="site" role="banner"><nav aria-label="Sandbox"><a href="/inspector">Inspector Microsoft 365-sandbox</a> <span lang="en">(sandbox inspector)</span></nav></header>
<main id="inhoud">${content.html}</main></body></html>`;
}
