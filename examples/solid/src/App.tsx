import { Show, createSignal } from 'solid-js';
import type { TCaptcha, VerifiedEvent } from 't-captcha';
import 't-captcha/define';
// Types <t-captcha> as a JSX element: props, and on:verified / on:closed typed with the event classes.
import type {} from 't-captcha/solid';

export function App() {
  const src = new URLSearchParams(location.search).get('src') ?? '';
  const [clientType, setClientType] = createSignal<'pc' | 'mobile'>('pc');
  const [showHeader, setShowHeader] = createSignal(false);
  const [mounted, setMounted] = createSignal(true);
  const [result, setResult] = createSignal({ ticket: '', randstr: '' });
  let captcha: TCaptcha | undefined;

  // Solid sets these as properties (client-type → clientType); events by their own name with on:.
  const onVerified = (event: VerifiedEvent) => setResult({ ticket: event.ticket, randstr: event.randstr });

  return (
    <>
      <Show when={mounted()}>
        <t-captcha ref={captcha} client-type={clientType()} show-header={showHeader()} src={src} on:verified={onVerified} />
      </Show>
      <p>
        ticket <output id="ticket">{result().ticket}</output> randstr <output id="randstr">{result().randstr}</output>
      </p>
      <button id="refresh" onClick={() => captcha?.refresh()}>Refresh</button>
      <button id="mobile" onClick={() => setClientType('mobile')}>Mobile</button>
      <button id="header" onClick={() => setShowHeader(!showHeader())}>Header</button>
      <button id="unmount" onClick={() => setMounted(false)}>Unmount</button>
    </>
  );
}
