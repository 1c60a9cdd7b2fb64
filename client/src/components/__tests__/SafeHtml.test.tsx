import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { SafeHtml, sanitizeHtml } from '../SafeHtml';

describe('sanitizeHtml', () => {
  it('drops svg and math with everything inside them instead of unwrapping them', () => {
    expect(
      sanitizeHtml(
        '<p>Before</p><svg><a href="https://evil.example">svg link</a><text>svg text</text></svg>' +
          '<math><mi>x</mi><mtext>math text</mtext></math><p>After</p>',
      ),
    ).toBe('<p>Before</p><p>After</p>');
  });

  it('drops svg nested in allowed elements and whatever foreign content it carries', () => {
    expect(
      sanitizeHtml('<p>One <svg><foreignObject><p>inside</p><img src=x onerror=alert(1)></foreignObject></svg>two</p>'),
    ).toBe('<p>One two</p>');
  });

  it('keeps the allowed elements, strips attributes, and opens safe links in a new tab', () => {
    expect(
      sanitizeHtml(
        '<p class="x" onclick="steal()">Hi <strong>there</strong> <a href="https://shop.example/help" onmouseover="x()">help</a> ' +
          '<a href="javascript:alert(1)">bad</a></p><script>alert(2)</script><custom-tag>kept text</custom-tag>',
      ),
    ).toBe(
      '<p>Hi <strong>there</strong> <a href="https://shop.example/help" target="_blank" rel="noopener noreferrer">help</a> ' +
        '<a target="_blank" rel="noopener noreferrer">bad</a></p>kept text',
    );
  });
});

describe('SafeHtml', () => {
  it('renders the cleaned HTML', () => {
    render(<SafeHtml html={'<p>Greet</p><svg><text>hidden</text></svg>'} testId="safe" />);
    expect(screen.getByTestId('safe').innerHTML).toBe('<p>Greet</p>');
    expect(screen.queryByText('hidden')).toBeNull();
  });
});
