import { useState } from 'react';
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/render';
import { PhonesEditor } from '../components/ContactsEditor';
import type { PhoneDraft } from '../contact-drafts';

const stored: PhoneDraft = {
  key: 'stored',
  number: '+34 611 20 30 40',
  invalid: false,
  stored: { number: '+34611203040', display: '+34 611 20 30 40' },
};

/** The editor with its own state, as the client editor holds it; `phones` shows what it would save. */
function Harness({ country = null }: { country?: string | null }) {
  const [phones, setPhones] = useState<PhoneDraft[]>([stored]);
  return (
    <>
      <PhonesEditor phones={phones} onChange={setPhones} country={country} />
      <output data-testid="drafts">{phones.map((p) => `${p.number}|${p.invalid ? 'invalid' : 'ok'}`).join(';')}</output>
    </>
  );
}

const lastInput = () => screen.getAllByTestId('phone-input').at(-1)!;

describe('PhonesEditor', () => {
  it('checks and formats numbers as they are typed, in English', async () => {
    renderWithProviders(<Harness />);
    expect(screen.getByText('Will be saved as +34 611 20 30 40')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a phone' }));
    await userEvent.type(lastInput(), '+34 62');
    expect(screen.getByText('Too short for a phone number')).toBeInTheDocument();
    await userEvent.type(lastInput(), '2 33 44 55');
    expect(screen.getByText('Will be saved as +34 622 33 44 55')).toBeInTheDocument();
    await userEvent.clear(lastInput());
    await userEvent.type(lastInput(), '622 33 44 55');
    expect(screen.getByText('Start with + and the country code, or set the address country')).toBeInTheDocument();
    await userEvent.clear(lastInput());
    await userEvent.type(lastInput(), '0034611203040');
    expect(screen.getByText('This number is already in the list')).toBeInTheDocument();
    await userEvent.clear(lastInput());
    await userEvent.type(lastInput(), 'call me');
    expect(screen.getByText('Only digits, spaces, + ( ) - . /')).toBeInTheDocument();
  });

  it('reads a national number in the address country, moves the primary and marks a number invalid', async () => {
    renderWithProviders(<Harness country="ES" />);
    await userEvent.click(screen.getByRole('button', { name: 'Add a phone' }));
    await userEvent.type(lastInput(), '622 33 44 55');
    expect(screen.getByText('Will be saved as +34 622 33 44 55')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Make 622 33 44 55 the primary phone' }));
    expect(screen.getByTestId('drafts')).toHaveTextContent('622 33 44 55|ok;+34 611 20 30 40|ok');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mark 622 33 44 55 invalid' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mark +34 611 20 30 40 invalid' }));
    expect(screen.getByTestId('drafts')).toHaveTextContent('622 33 44 55|invalid;+34 611 20 30 40|invalid');
    expect(screen.getByTestId('no-callable-phone')).toHaveTextContent('No callable phone');
    await userEvent.click(screen.getByRole('button', { name: 'Remove phone 1' }));
    expect(screen.getByTestId('drafts')).toHaveTextContent(/^\+34 611 20 30 40\|invalid$/);
  });

  it('says the same in Spanish, and an empty line only once it is left', async () => {
    renderWithProviders(<Harness />, { preloadedState: { preferences: { locale: 'es' } } });
    await userEvent.click(screen.getByRole('button', { name: 'Añadir un teléfono' }));
    expect(screen.queryByText('Escriba un teléfono o quite esta línea')).not.toBeInTheDocument();
    await userEvent.click(lastInput());
    await userEvent.tab();
    expect(screen.getByText('Escriba un teléfono o quite esta línea')).toBeInTheDocument();
    await userEvent.type(lastInput(), '+34 6223344556677');
    expect(screen.getByText('Demasiado largo para un teléfono')).toBeInTheDocument();
    await userEvent.clear(lastInput());
    await userEvent.type(lastInput(), '+34 622 33 44 55');
    expect(screen.getByText('Se guardará como +34 622 33 44 55')).toBeInTheDocument();
    await userEvent.clear(lastInput());
    await userEvent.type(lastInput(), '622334455');
    expect(
      screen.getByText('Empiece por + y el prefijo del país, o indique el país de la dirección'),
    ).toBeInTheDocument();
  });
});
