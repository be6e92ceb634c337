// The element is defined in the browser only (.client); the server renders the tag as it is.
import { TCaptcha } from 't-captcha';
import 't-captcha/define';

// The samples serve the fake vendor from their own origin: the page's code allows it (markup cannot).
TCaptcha.allowScriptHosts(location.host);

export default defineNuxtPlugin(() => {});
