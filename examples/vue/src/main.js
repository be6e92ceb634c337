import { createApp } from 'vue';
import { TCaptcha } from 't-captcha';
import App from './App.vue';

// The samples serve the fake vendor from their own origin: the page's code allows it (markup cannot).
TCaptcha.allowScriptHosts(location.host);

createApp(App).mount('#app');
