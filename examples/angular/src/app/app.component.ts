import { CUSTOM_ELEMENTS_SCHEMA, Component, ElementRef, signal, viewChild } from '@angular/core';
import type { TCaptcha, VerifiedEvent } from 't-captcha';
import 't-captcha/define';

@Component({
  selector: 'app-root',
  // <t-captcha> is a custom element: Angular needs only this schema.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    @if (mounted()) {
      <!-- [attr.client-type]: an attribute; a plain [client-type] would set a property of that name. -->
      <t-captcha #captcha [attr.client-type]="clientType()" [attr.show-header]="showHeader()" [src]="src()" (verified)="onVerified($event)"></t-captcha>
    }
    <p>ticket <output id="ticket">{{ ticket() }}</output> randstr <output id="randstr">{{ randstr() }}</output></p>
    <button id="refresh" (click)="captcha()?.nativeElement?.refresh()">Refresh</button>
    <button id="mobile" (click)="clientType.set('mobile')">Mobile</button>
    <button id="header" (click)="showHeader.set(!showHeader())">Header</button>
    <button id="unmount" (click)="mounted.set(false)">Unmount</button>
  `,
})
export class AppComponent {
  readonly src = signal(new URLSearchParams(location.search).get('src') ?? '');
  readonly clientType = signal<'pc' | 'mobile'>('pc');
  // Bound as an attribute, false is written "false", which the element reads as false.
  readonly showHeader = signal(false);
  readonly mounted = signal(true);
  readonly ticket = signal('');
  readonly randstr = signal('');
  readonly captcha = viewChild<ElementRef<TCaptcha>>('captcha');

  onVerified(event: Event): void {
    const { ticket, randstr } = event as VerifiedEvent;
    this.ticket.set(ticket);
    this.randstr.set(randstr);
  }
}
