import { mount } from 'svelte';
import { TCaptcha } from 't-captcha';
import App from './App.svelte';

// The samples serve the fake vendor from their own origin: the page's code allows it (markup cannot).
TCaptcha.allowScriptHosts(location.host);

mount(App, { target: document.getElementById('app') });
