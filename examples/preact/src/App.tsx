import { useRef, useState } from 'preact/hooks';
import type { TCaptcha, VerifiedEvent } from 't-captcha';
import 't-captcha/define';
// Types <t-captcha> as a JSX element: attributes, and onverified / onclosed typed with the event classes.
import type {} from 't-captcha/preact';

export function App() {
  const [src] = useState(new URLSearchParams(location.search).get('src') ?? '');
  const [clientType, setClientType] = useState<'pc' | 'mobile'>('pc');
  const [showHeader, setShowHeader] = useState(false);
  const [mounted, setMounted] = useState(true);
  const [result, setResult] = useState({ ticket: '', randstr: '' });
  const captcha = useRef<TCaptcha>(null);

  // Preact listens to custom-element events through lower-case props: onverified, not onVerified.
  const onverified = (event: VerifiedEvent) => setResult({ ticket: event.ticket, randstr: event.randstr });

  return (
    <>
      {mounted && <t-captcha ref={captcha} client-type={clientType} show-header={showHeader} src={src} onverified={onverified} />}
      <p>
        ticket <output id="ticket">{result.ticket}</output> randstr <output id="randstr">{result.randstr}</output>
      </p>
      <button id="refresh" onClick={() => captcha.current?.refresh()}>Refresh</button>
      <button id="mobile" onClick={() => setClientType('mobile')}>Mobile</button>
      <button id="header" onClick={() => setShowHeader(!showHeader)}>Header</button>
      <button id="unmount" onClick={() => setMounted(false)}>Unmount</button>
    </>
  );
}
