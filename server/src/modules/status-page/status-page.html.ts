import type { Locale } from '@callboard/shared';
import { escapeHtml as esc } from '../../lib/rich-text.js';
import { progressSteps, type CustomerView } from './customer-view.service.js';
import { statusPageCss } from './status-page.css.js';
import { fill, pageStrings, type PageStrings } from './status-page.strings.js';

/**
 * The customer's page as one small HTML document: plain forms, no script, one <style> allowed by
 * its nonce. Every value from the database is escaped where it is written.
 */

export type PageInput = {
  view: CustomerView;
  /** The link's token: the forms post back under it. */
  token: string;
  formToken: string;
  nonce: string;
  notice?: string;
  error?: string;
};

function documentShell(locale: Locale, title: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${esc(title)}</title>
<style nonce="${nonce}">${statusPageCss}</style>
</head><body><main>${body}</main></body></html>`;
}

const formats = (view: CustomerView) => {
  const { locale, zone } = view;
  const currency = view.public.order.currency;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const slot = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  });
  return {
    money: (n: number) => esc(money.format(n)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => esc(dateTime.format(new Date(iso))),
    slot: (at: Date) => slot.format(at),
  };
};

/** A slot's label (plain text), also used for the "we will call you at …" notice. */
export function slotLabel(view: CustomerView, at: Date): string {
  return formats(view).slot(at);
}

function progress(view: CustomerView, s: PageStrings): string {
  const p = view.progress;
  if ('ended' in p) return `<p class="banner bad">${esc(s[p.ended])}</p>`;
  const current = progressSteps.indexOf(p.step);
  const steps = progressSteps
    .map((step, i) => {
      const attrs = `${i <= current ? ' class="done"' : ''}${i === current ? ' aria-current="step"' : ''}`;
      return `<li${attrs}>${esc(s.step[step])}</li>`;
    })
    .join('');
  const hold = p.onHold ? `<p>${esc(s.onHold)}</p>` : '';
  return `<section aria-labelledby="progress"><h2 id="progress">${esc(s.progress)}</h2><ol class="steps">${steps}</ol>${hold}</section>`;
}

function items(view: CustomerView, s: PageStrings, f: ReturnType<typeof formats>): string {
  const o = view.public.order;
  const rows = o.items
    .map(
      (i) =>
        `<tr><td>${esc(i.name)}</td><td class="num">${i.quantity}</td><td class="num">${f.money(i.lineTotal)}</td></tr>`,
    )
    .join('');
  const foot = [
    `<tr><th scope="row" colspan="2">${esc(s.total)}</th><td class="num">${f.money(o.total)}</td></tr>`,
    `<tr><th scope="row" colspan="2">${esc(s.paid)}</th><td class="num">${f.money(o.paid)}</td></tr>`,
    o.leftToPay > 0
      ? `<tr class="due"><th scope="row" colspan="2">${esc(s.leftToPay)}</th><td class="num">${f.money(o.leftToPay)}</td></tr>`
      : '',
  ].join('');
  return `<section aria-labelledby="items"><h2 id="items">${esc(s.items)}</h2><table>
<thead><tr><th scope="col">${esc(s.item)}</th><th scope="col" class="num">${esc(s.quantity)}</th><th scope="col" class="num">${esc(s.amount)}</th></tr></thead>
<tbody>${rows}</tbody><tfoot>${foot}</tfoot></table></section>`;
}

/** The form fields every action carries: the form token and the honeypot a person never fills. */
function formFields(input: PageInput, s: PageStrings, form: string): string {
  return `<input type="hidden" name="form" value="${esc(input.formToken)}"><input type="hidden" name="lang" value="${input.view.locale}">
<div class="trap" aria-hidden="true"><label for="website-${form}">${esc(s.honeypot)}</label><input id="website-${form}" name="website" tabindex="-1" autocomplete="off"></div>`;
}

function payment(input: PageInput, s: PageStrings): string {
  const instructions = input.view.public.order.paymentInstructions;
  if (!instructions) return '';
  const lines = instructions.text
    .split('\n')
    .map((line) => {
      const link = instructions.paymentLink;
      const html = link
        ? esc(line).replace(esc(link), `<a href="${esc(link)}" rel="noreferrer noopener">${esc(link)}</a>`)
        : esc(line);
      return `<p>${html}</p>`;
    })
    .join('');
  const paid = input.view.paymentReported
    ? `<p class="banner ok">${esc(s.paymentReported)}</p>`
    : `<form method="post" action="/s/${input.token}/paid">${formFields(input, s, 'paid')}<p class="muted">${esc(s.reportPaidHint)}</p><button type="submit" class="secondary">${esc(s.reportPaid)}</button></form>`;
  return `<section aria-labelledby="pay"><h2 id="pay">${esc(s.howToPay)}</h2>${lines}${paid}</section>`;
}

function notes(view: CustomerView, s: PageStrings, f: ReturnType<typeof formats>): string {
  const list = view.public.notes;
  if (list.length === 0) return '';
  const entries = list
    .map((n) => `<li><time datetime="${n.at}">${f.dateTime(n.at)}</time>${esc(n.text)}</li>`)
    .join('');
  return `<section aria-labelledby="notes"><h2 id="notes">${esc(s.notes)}</h2><ul class="notes">${entries}</ul></section>`;
}

function callback(input: PageInput, s: PageStrings, f: ReturnType<typeof formats>): string {
  const { view } = input;
  const hint = `<p class="muted">${esc(fill(s.callbackHint, { zone: view.zone }))}</p>`;
  if (view.slots.length === 0) return `<section><h2>${esc(s.callback)}</h2><p>${esc(s.noSlots)}</p></section>`;
  const options = view.slots.map((at) => `<option value="${at.toISOString()}">${esc(f.slot(at))}</option>`).join('');
  return `<section aria-labelledby="callback"><h2 id="callback">${esc(s.callback)}</h2>${hint}
<form method="post" action="/s/${input.token}/callback">${formFields(input, s, 'callback')}
<label for="at">${esc(s.callbackTime)}</label><select id="at" name="at" required>${options}</select>
<button type="submit">${esc(s.callbackSubmit)}</button></form></section>`;
}

function message(input: PageInput, s: PageStrings): string {
  return `<section aria-labelledby="message"><h2 id="message">${esc(s.message)}</h2>
<form method="post" action="/s/${input.token}/message">${formFields(input, s, 'message')}
<label for="text">${esc(s.messageLabel)}</label><textarea id="text" name="text" required maxlength="2000"></textarea>
<button type="submit">${esc(s.messageSubmit)}</button></form></section>`;
}

/** E-mail addresses and phone numbers in the shop's contact text become links a phone can follow. */
function linkContacts(text: string): string {
  return esc(text).replace(
    /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(\+?\d[\d ()-]{6,}\d)/g,
    (match, email: string | undefined) =>
      email ? `<a href="mailto:${email}">${email}</a>` : `<a href="tel:${match.replace(/[^\d+]/g, '')}">${match}</a>`,
  );
}

function contact(view: CustomerView, s: PageStrings): string {
  const details = view.customerContact ? `<p class="contact">${linkContacts(view.customerContact)}</p>` : '';
  return `<section aria-labelledby="contact"><h2 id="contact">${esc(s.contact)}</h2><p><strong>${esc(view.companyName)}</strong></p>${details}</section>`;
}

export function renderStatusPage(input: PageInput): string {
  const { view } = input;
  const s = pageStrings[view.locale];
  const f = formats(view);
  const o = view.public.order;
  const other: Locale = view.locale === 'en' ? 'es' : 'en';
  const banners = [
    input.notice ? `<p class="banner ok" role="status">${esc(input.notice)}</p>` : '',
    input.error ? `<p class="banner bad" role="alert">${esc(input.error)}</p>` : '',
  ].join('');
  const tracking = o.tracking
    ? `<section aria-labelledby="tracking"><h2 id="tracking">${esc(s.tracking)}</h2><p>${esc(o.tracking)}</p></section>`
    : '';
  const title = fill(s.title, { number: String(o.number) });
  const body = `<header><span class="shop">${esc(view.companyName)}</span><a href="/s/${input.token}?lang=${other}" lang="${other}" hreflang="${other}">${esc(s.otherLanguage)}</a></header>
<h1>${esc(title)}</h1><p class="muted">${esc(fill(s.placedOn, { date: f.date(o.createdAt) }))}</p>${banners}
${progress(view, s)}${items(view, s, f)}${payment(input, s)}${tracking}${notes(view, s, f)}${callback(input, s, f)}${message(input, s)}${contact(view, s)}`;
  return documentShell(view.locale, `${title} · ${view.companyName}`, input.nonce, body);
}

/** The page for a link that opens nothing, too many requests, or a failure: the same shell, no order. */
export function renderProblemPage(locale: Locale, nonce: string, title: string, text: string): string {
  return documentShell(locale, title, nonce, `<h1>${esc(title)}</h1><section><p>${esc(text)}</p></section>`);
}
