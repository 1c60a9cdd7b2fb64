import { describe, expect, it } from '@jest/globals';
import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Locale } from '@callboard/shared';
import { renderWithProviders } from '../../../test/render';
import { checkItemsDraft, itemsDraftOf, type ItemsDraft } from '../item-drafts';
import { OrderItemsEditor } from '../components/OrderItemsEditor';

function Harness({ initial, showAll = false }: { initial: ItemsDraft; showAll?: boolean }) {
  const [draft, setDraft] = useState(initial);
  const check = checkItemsDraft(draft, 'EUR');
  return (
    <>
      <OrderItemsEditor draft={draft} onChange={setDraft} check={check} currency="EUR" showAllProblems={showAll} />
      <output data-testid="value">{JSON.stringify(check.value)}</output>
    </>
  );
}

const mat = itemsDraftOf({
  items: [{ name: 'Yoga mat', sku: 'YM-1', quantity: 2, unitPrice: 24.5, lineTotal: 49 }],
  discount: 0,
});

function renderEditor(initial: ItemsDraft, locale: Locale = 'en', showAll = false) {
  return renderWithProviders(<Harness initial={initial} showAll={showAll} />, {
    preloadedState: { preferences: { locale } } as never,
  });
}

const euro = (amount: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);

describe('OrderItemsEditor', () => {
  it('adds and removes rows and recomputes the line totals and the total, less the discount, as a preview', async () => {
    const user = userEvent.setup();
    renderEditor(mat);
    expect(screen.getByTestId('item-line-0')).toHaveTextContent(euro(49, 'en'));
    expect(screen.getByTestId('items-total-preview')).toHaveTextContent(euro(49, 'en'));

    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    // The new row's name takes the focus, so typing goes on from the keyboard.
    expect(screen.getByRole('textbox', { name: 'Product, row 2' })).toHaveFocus();
    await user.keyboard('E-book');
    await user.type(screen.getByRole('textbox', { name: 'SKU, row 2' }), 'EB-7');
    await user.clear(screen.getByRole('textbox', { name: 'Quantity, row 2' }));
    await user.type(screen.getByRole('textbox', { name: 'Quantity, row 2' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Unit price (EUR), row 2' }), '9,99');
    expect(screen.getByTestId('item-line-1')).toHaveTextContent(euro(29.97, 'en'));
    expect(screen.getByTestId('items-total-preview')).toHaveTextContent(euro(78.97, 'en'));

    await user.clear(screen.getByRole('textbox', { name: 'Discount (EUR)' }));
    await user.type(screen.getByRole('textbox', { name: 'Discount (EUR)' }), '8.97');
    expect(screen.getByTestId('items-total-preview')).toHaveTextContent(euro(70, 'en'));
    expect(JSON.parse(screen.getByTestId('value').textContent!)).toEqual({
      items: [
        { name: 'Yoga mat', quantity: 2, unitPrice: 24.5, sku: 'YM-1' },
        { name: 'E-book', quantity: 3, unitPrice: 9.99, sku: 'EB-7' },
      ],
      discount: 8.97,
    });

    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    expect(screen.queryByRole('textbox', { name: 'Product, row 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Product, row 1' })).toHaveValue('E-book');
    expect(screen.getByTestId('items-total-preview')).toHaveTextContent(euro(21, 'en'));
    // The last row cannot go: an order has at least one item.
    expect(screen.getByRole('button', { name: 'Remove item 1' })).toBeDisabled();
  });

  it('says what is wrong in English once a field is left, and gives no value to save', async () => {
    const user = userEvent.setup();
    renderEditor(mat);
    const name = screen.getByRole('textbox', { name: 'Product, row 1' });
    await user.clear(name);
    expect(screen.queryByText('Enter the product name')).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByText('Enter the product name')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    const quantity = screen.getByRole('textbox', { name: 'Quantity, row 1' });
    await user.clear(quantity);
    await user.type(quantity, '1.5');
    await user.tab();
    expect(screen.getByText('A whole number from 1 to 100,000')).toBeInTheDocument();

    const price = screen.getByRole('textbox', { name: 'Unit price (EUR), row 1' });
    await user.clear(price);
    await user.type(price, '3.999');
    await user.tab();
    expect(screen.getByText('An amount of 0 or more, with at most 2 decimals')).toBeInTheDocument();
    expect(screen.getByTestId('item-line-0')).toHaveTextContent('—');
    expect(screen.getByTestId('value')).toHaveTextContent('null');
  });

  it('refuses a discount above the items and shows every problem after a save was tried, in Spanish', () => {
    const draft: ItemsDraft = { items: [{ ...mat.items[0]!, name: ' ', quantity: '0' }], discount: '100' };
    const first = renderEditor(draft, 'es', true);
    expect(screen.getByText('Escribe el nombre del producto')).toBeInTheDocument();
    expect(screen.getByText('Un número entero de 1 a 100.000')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Precio unitario (EUR), fila 1' })).toHaveValue('24.5');
    expect(screen.getByRole('button', { name: 'Añadir un artículo' })).toBeInTheDocument();

    first.unmount();
    renderEditor({ items: [mat.items[0]!], discount: '50' }, 'es', true);
    expect(screen.getByText('El descuento supera el importe de los artículos')).toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('null');
  });
});
