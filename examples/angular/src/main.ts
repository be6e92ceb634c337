import { bootstrapApplication } from '@angular/platform-browser';
import { TCaptcha } from 't-captcha';
import { AppComponent } from './app/app.component';

// The samples serve the fake vendor from their own origin: the page's code allows it (markup cannot).
TCaptcha.allowScriptHosts(location.host);

bootstrapApplication(AppComponent).catch((error) => console.error(error));
