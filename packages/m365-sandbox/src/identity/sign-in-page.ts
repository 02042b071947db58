// The sandbox's sign-in page: no passwords, a person picks one of the seeded users. Plain HTML
// forms (no script), so it works in any browser and in Playwright.
export interface SignInUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  roles: string[];
}

export interface SignInPage {
  users: SignInUser[];
  params: Record<string, string | undefined>;
  loginHint?: string | undefined;
  error?: string;
}

const CARRIED = [
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
];

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderSignInPage(page: SignInPage): string {
  const hidden = CARRIED.filter((name) => page.params[name] !== undefined)
    .map(
      (name) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(page.params[name] ?? '')}">`,
    )
    .join('');
  const groups = new Map<string, SignInUser[]>();
  for (const user of page.users) {
    const key = user.department || 'Overig';
    groups.set(key, [...(groups.get(key) ?? []), user]);
  }
  const sections = [...groups.entries()]
    .map(
      ([department, users]) =>
        `<section><h2>${escapeHtml(department)}</h2><ul>${users
          .map(
            (
              user,
            ) => `<li><form method="post">${hidden}<input type="hidden" name="user_id" value="${escapeHtml(user.id)}">
<button type="submit"${page.loginHint && page.loginHint.toLowerCase() === user.userPrincipalName.toLowerCase() ? ' autofocus' : ''}><strong>${escapeHtml(user.displayName)}</strong>
<span>${escapeHtml(user.jobTitle)}</span><span>${escapeHtml(user.userPrincipalName)}${user.roles.length ? ` · rol: ${escapeHtml(user.roles.join(', '))}` : ''}</span></button></form></li>`,
          )
          .join('')}</ul></section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanmelden – Microsoft 365-sandbox</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
main{max-width:46rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.5rem;margin-top:0}h2{font-size:1rem;color:#424242;margin:1.5rem 0 .5rem}
ul{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
button{width:100%;text-align:left;display:grid;gap:.15rem;padding:.6rem .8rem;border:1px solid #d1d1d1;border-radius:4px;background:#fff;font:inherit;cursor:pointer}
button:hover,button:focus-visible{border-color:#0f6cbd;outline:2px solid #0f6cbd;outline-offset:1px}
span{font-size:.85rem;color:#616161}.error{color:#b10e1c;font-weight:600}
</style></head>
<body><main>
<h1>Aanmelden bij de Microsoft 365-sandbox</h1>
<p>Dit is de lokale sandbox van Workshopplanner: kies de persoon als wie u zich aanmeldt. Er is geen wachtwoord nodig. <span lang="en">(Local sandbox: pick a seeded user to sign in as.)</span></p>
${page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : ''}
${sections}
</main></body></html>`;
}
