import { render } from 'preact';
import { TCaptcha } from 't-captcha';
import { App } from './App';

// The samples serve the fake vendor from their own origin: the page's code allows it (markup cannot).
TCaptcha.allowScriptHosts(location.host);

render(<App />, document.getElementById('app')!);
