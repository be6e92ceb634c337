// The demo business site's pages. Everything the user typed stays in the form: the login is posted
// with fetch, and a refused captcha only asks for a new solve.
const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** JSON that is safe inside an inline <script>: no `</script>`, `<!--` or line separators can end it early. */
const jsonForScript = (value) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 30rem; margin: 2rem auto; padding: 0 1rem; color: #1f2329; }
  label { display: block; margin: .75rem 0; }
  input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  button[type=submit] { margin-top: 1rem; padding: .6rem 1.4rem; font: inherit; }
  #message { min-height: 1.5em; font-weight: 600; }
  #message.ok { color: #1a7f37; } #message.bad { color: #cf222e; }
  nav a { margin-right: 1rem; }
  /* The README's recipe: reserve the box before the module loads, only where the captcha takes space. */
  t-captcha:not(:defined):not([app-id]):not([client-type=mobile]) { display: block; min-width: 362px; min-height: 54px; }
  t-captcha:not(:defined)[app-id][type=embed] { display: block; min-height: 230px; }
`;

/**
 * `clientType` pc: the legacy captcha sits in the form. mobile: it opens full screen when the user
 * logs in. `current` ({ appId, src, aidEncrypted }): Tencent's current API, a popup opened when the
 * user logs in, for an app with the forced CaptchaAppId check (aidEncrypted minted per page view).
 */
export function loginPage({ clientType, scriptUrl, nonce, error, current, emulatorHost }) {
  const mobile = clientType === 'mobile';
  // The popup needs no `required`: the page asks for a ticket with execute() when the user logs in.
  const captchaTag = current
    ? `<t-captcha name="ticket" nonce="${nonce}" app-id="${escapeHtml(current.appId)}" aid-encrypted="${escapeHtml(current.aidEncrypted ?? '')}" src="${escapeHtml(current.src)}"></t-captcha>
    <input type="hidden" name="api" value="current">`
    : scriptUrl && !mobile
      ? `<t-captcha name="ticket" required nonce="${nonce}" src="${escapeHtml(scriptUrl)}"></t-captcha>`
      : '';
  const viewport = mobile
    ? 'initial-scale=1.0, maximum-scale=1.0, minimum-scale=1.0, user-scalable=no, width=device-width'
    : 'width=device-width, initial-scale=1';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="${viewport}">
  <title>Demo shop · log in (${current ? 'current API' : clientType})</title>
  <style>${STYLE}</style>
</head>
<body>
  <nav><a href="/">PC page</a><a href="/mobile">Mobile page</a><a href="/current">Current API (popup)</a></nav>
  <h1>Log in</h1>
  <p>Protected by <code>&lt;t-captcha&gt;</code> against the offline emulator of Tencent's captcha service.
  ${current ? 'The captcha (Tencent\'s current TencentCaptcha API) pops up when you log in.' : mobile ? 'The captcha opens full screen when you log in.' : 'Solve the captcha, then log in.'}</p>
  ${error ? `<p id="message" class="bad" role="status">${escapeHtml(error)}</p>` : ''}
  <form id="login" method="post" action="/login">
    <label>Username <input name="username" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    ${captchaTag}
    <button type="submit">Log in</button>
  </form>
  <p id="message" role="status"${error ? ' class="bad"' : ''}>${error ? escapeHtml(error) : ''}</p>
  <p id="account" hidden><button id="logout" type="button">Log out</button></p>
  <script type="module" nonce="${nonce}">
    import '/cdn/t-captcha.min.js';
    // The emulator is not one of Tencent's script hosts: this page's own code allows it (markup cannot).
    customElements.get('t-captcha').allowScriptHosts(${jsonForScript(emulatorHost)});
    const form = document.getElementById('login');
    const message = document.getElementById('message');
    const account = document.getElementById('account');
    const scriptUrl = ${jsonForScript(scriptUrl ?? '')};
    let captcha = form.querySelector('t-captcha');
    const say = (text, kind = '') => { message.textContent = text; message.className = kind; };

    // Only current messages: a line about the last captcha goes once the user works on a new one.
    function watch(el) {
      el.addEventListener('verified', () => say('Captcha solved.', 'ok'));
      el.addEventListener('closed', () => say(el.clientType === 'mobile' || el.appId ? 'The captcha was closed. Log in to open it again.' : 'The captcha was closed. Solve it, then log in.', 'bad'));
      el.addEventListener('expired', () => say('The captcha expired: solve it again.', 'bad'));
      el.addEventListener('error', (e) => say(\`Captcha error (\${e.code}): \${e.message}\`, 'bad'));
      el.addEventListener('focusin', () => message.className === 'bad' && say(''));
    }
    if (captcha) watch(captcha);
    // The first start uses the aidEncrypted minted into this page; a retry, a refresh or an expiry
    // (the page may stay open past its 10 minutes) asks the server for a fresh one.
    if (captcha?.appId) {
      captcha.prepare = async ({ reason }) => {
        if (reason === 'start') return undefined;
        const response = await fetch('/captcha/aid', { cache: 'no-store' });
        if (!response.ok) throw new Error(\`the server answered \${response.status}\`);
        const { aidEncrypted } = await response.json();
        return { aidEncrypted };
      };
    }

    /** A ticket for this login: the pc captcha's (the form's required field), else asked for with execute(). */
    async function ticket() {
      if (${mobile} && !captcha) {
        captcha = Object.assign(document.createElement('t-captcha'), { clientType: 'mobile', showHeader: true, name: 'ticket', src: scriptUrl });
        captcha.nonce = ${jsonForScript(nonce)};
        watch(captcha);
        form.append(captcha);
      }
      if (captcha && (captcha.appId || ${mobile})) await captcha.execute();
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      // The user's own Log in starts afresh; the page's resubmit after a refusal keeps saying why.
      if (event.submitter) say('');
      try {
        await ticket();
      } catch (error) {
        // The element's own events already said why (closed, error); nothing more to do.
        return;
      }
      const response = await fetch('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.fromEntries(new FormData(form))),
      });
      const result = await response.json();
      say(result.message, result.ok ? 'ok' : 'bad');
      // A ticket is good once, accepted or not, so it never stays in the form. Accepted: logged in, no
      // new challenge next to the welcome. Refused: what the user typed stays and a new solve starts
      // (pc: a fresh trigger; popup and mobile: open again).
      if (result.ok) {
        form.hidden = true;
        account.hidden = false;
        if (${mobile}) {
          captcha?.remove(); // refresh() would open the full-screen captcha again
          captcha = null;
        } else captcha?.refresh();
        return;
      }
      if (!captcha) return;
      captcha.refresh();
      if (captcha.appId || ${mobile}) form.requestSubmit();
    });
    document.getElementById('logout').addEventListener('click', () => {
      account.hidden = true;
      form.hidden = false;
      say('');
    });
  </script>
</body>
</html>`;
}
