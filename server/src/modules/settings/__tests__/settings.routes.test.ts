import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { getSettings } from '../settings.service.js';

const ctx = useTestApp();

describe('PATCH /api/settings', () => {
  it('sanitises call instructions on save like templates: scripts, handlers, svg and javascript: links go', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const res = await agent.patch('/api/settings').send({
      callInstructions:
        '<p onclick="steal()">Greet <strong>by name</strong><script>alert(1)</script></p>' +
        '<img src="x" onerror="alert(2)"><svg><a href="javascript:alert(3)">svg text</a></svg>' +
        '<ul><li><a href="javascript:alert(4)">bad link</a> <a href="https://shop.example/help">help</a></li></ul>' +
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
    });
    expect(res.status).toBe(200);
    const expected =
      '<p>Greet <strong>by name</strong></p>' +
      '<ul><li><a>bad link</a> ' +
      '<a href="https://shop.example/help" rel="noopener noreferrer">help</a></li></ul>';
    expect(res.body.settings.callInstructions).toBe(expected);
    expect((await getSettings()).callInstructions).toBe(expected);
  });

  it('keeps what the editor produces as it is, and leaves other fields untouched by the sanitiser', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const html = '<h2>Opening</h2><p>Say <em>hello</em> and read <code>ORDER</code>.</p><ol><li>Confirm</li></ol>';
    const res = await agent.patch('/api/settings').send({ callInstructions: html, companyName: 'A <b>&</b> B' });
    expect(res.status).toBe(200);
    expect(res.body.settings.callInstructions).toBe(html);
    expect(res.body.settings.companyName).toBe('A <b>&</b> B');
  });
});
