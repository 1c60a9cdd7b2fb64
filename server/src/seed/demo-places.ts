import { between, digits, pick, type Random } from './demo-random.js';

/** Where the demo's customers live: names, addresses, phone formats and time zones by country. */
const usAreaCodes =
  '202 206 213 214 215 303 305 313 314 404 412 425 469 480 503 510 512 571 602 612 615 617 626 646 678 702 704 713 727 757 801 808 816 832 916 917 919 954 971'.split(
    ' ',
  );

export const danishMobilePrefixes = ['20', '22', '26', '28', '30', '31', '40', '42', '50', '51', '60', '61'];

export type City = {
  city: string;
  postalCode: string;
  region?: string;
  street: string;
  zone: string;
  phone: (r: Random) => string;
};
export type Country = {
  code: string;
  currency: string;
  share: number;
  first: string[];
  last: string[];
  mailDomains: string[];
  cities: City[];
  couriers: string[];
  /** Where a city's own numbers run out in a large demo (the US cities have 100 each). */
  overflowPhone?: (r: Random) => string;
};

export const countries: Country[] = [
  {
    code: 'ES',
    currency: 'EUR',
    share: 13,
    first: [
      'Lucía',
      'Carmen',
      'Javier',
      'Álvaro',
      'Nuria',
      'Pablo',
      'Elena',
      'Sergio',
      'Begoña',
      'Diego',
      'Rocío',
      'Iñaki',
    ],
    last: [
      'García',
      'Martínez',
      'Rodríguez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Ruiz',
      'Navarro',
      'Iglesias',
      'Torres',
      'Etxeberria',
      'Domínguez',
    ],
    mailDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
    cities: [
      {
        city: 'Madrid',
        postalCode: '28014',
        region: 'Madrid',
        street: 'Calle de Alcalá',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Barcelona',
        postalCode: '08013',
        region: 'Cataluña',
        street: 'Carrer de Mallorca',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Sevilla',
        postalCode: '41004',
        region: 'Andalucía',
        street: 'Calle Sierpes',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 7${between(r, 1, 4)}${digits(r, 7)}`,
      },
      {
        city: 'Bilbao',
        postalCode: '48001',
        region: 'País Vasco',
        street: 'Gran Vía de Don Diego López de Haro',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Las Palmas de Gran Canaria',
        postalCode: '35002',
        region: 'Canarias',
        street: 'Calle Triana',
        zone: 'Atlantic/Canary',
        phone: (r) => `+34 928 ${digits(r, 6)}`,
      },
    ],
    couriers: ['SEUR', 'Correos Express', 'MRW'],
  },
  {
    code: 'DK',
    currency: 'DKK',
    share: 11,
    first: ['Mette', 'Søren', 'Freja', 'Mads', 'Ida', 'Rasmus', 'Sofie', 'Frederik', 'Karen', 'Anders'],
    last: [
      'Jensen',
      'Nielsen',
      'Hansen',
      'Pedersen',
      'Andersen',
      'Christensen',
      'Larsen',
      'Sørensen',
      'Rasmussen',
      'Kristensen',
    ],
    mailDomains: ['gmail.com', 'hotmail.dk', 'mail.dk', 'outlook.dk'],
    cities: [
      ['København Ø', '2100', 'Østerbrogade'],
      ['Aarhus C', '8000', 'Vestergade'],
      ['Odense C', '5000', 'Kongensgade'],
      ['Aalborg', '9000', 'Bispensgade'],
    ].map(([city, postalCode, street]) => ({
      city: city!,
      postalCode: postalCode!,
      street: street!,
      zone: 'Europe/Copenhagen',
      phone: (r: Random) => `+45 ${pick(r, danishMobilePrefixes)}${digits(r, 6)}`,
    })),
    couriers: ['PostNord', 'GLS', 'DAO'],
  },
  {
    code: 'GB',
    currency: 'GBP',
    share: 10,
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Emily', 'Jack', 'Sophie', 'Charlotte', 'Thomas'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Thompson', 'Walker'],
    mailDomains: ['gmail.com', 'btinternet.com', 'outlook.com', 'sky.com'],
    cities: [
      {
        city: 'London',
        postalCode: 'N1 9GU',
        street: 'Upper Street',
        zone: 'Europe/London',
        phone: (r) => `+44 74${digits(r, 8)}`,
      },
      {
        city: 'Manchester',
        postalCode: 'M1 1AD',
        street: 'Oldham Street',
        zone: 'Europe/London',
        phone: (r) => `+44 77${digits(r, 8)}`,
      },
      {
        city: 'Bristol',
        postalCode: 'BS1 4DJ',
        street: 'Park Street',
        zone: 'Europe/London',
        phone: (r) => `+44 79${digits(r, 8)}`,
      },
    ],
    couriers: ['Royal Mail', 'DPD', 'Evri'],
  },
  {
    code: 'DE',
    currency: 'EUR',
    share: 10,
    first: ['Hannah', 'Lukas', 'Lena', 'Jonas', 'Mia', 'Felix', 'Anna', 'Paul', 'Katharina', 'Maximilian'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer'],
    mailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
    cities: [
      {
        city: 'Berlin',
        postalCode: '10115',
        street: 'Invalidenstraße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 15${pick(r, ['1', '2', '7'])}${digits(r, 8)}`,
      },
      {
        city: 'München',
        postalCode: '80331',
        street: 'Sendlinger Straße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 17${pick(r, ['0', '1', '6'])}${digits(r, 7)}`,
      },
      {
        city: 'Hamburg',
        postalCode: '20095',
        street: 'Mönckebergstraße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 160${digits(r, 7)}`,
      },
    ],
    couriers: ['DHL', 'Hermes', 'DPD'],
  },
  {
    code: 'MX',
    currency: 'MXN',
    share: 8,
    first: ['María José', 'Juan Carlos', 'Guadalupe', 'Luis', 'Fernanda', 'Alejandro', 'Ximena', 'Rodrigo'],
    last: ['Hernández', 'López', 'González', 'Ramírez', 'Flores', 'Cruz', 'Morales', 'Reyes'],
    mailDomains: ['gmail.com', 'hotmail.com', 'outlook.com', 'prodigy.net.mx'],
    cities: [
      {
        city: 'Ciudad de México',
        postalCode: '06700',
        region: 'CDMX',
        street: 'Avenida Álvaro Obregón',
        zone: 'America/Mexico_City',
        phone: (r) => `+52 55 ${digits(r, 8)}`,
      },
      {
        city: 'Guadalajara',
        postalCode: '44100',
        region: 'Jalisco',
        street: 'Avenida Chapultepec',
        zone: 'America/Mexico_City',
        phone: (r) => `+52 33 ${digits(r, 8)}`,
      },
      {
        city: 'Monterrey',
        postalCode: '64000',
        region: 'Nuevo León',
        street: 'Calle Morelos',
        zone: 'America/Monterrey',
        phone: (r) => `+52 81 ${digits(r, 8)}`,
      },
      {
        city: 'Tijuana',
        postalCode: '22000',
        region: 'Baja California',
        street: 'Avenida Revolución',
        zone: 'America/Tijuana',
        phone: (r) => `+52 664 ${digits(r, 7)}`,
      },
    ],
    couriers: ['Estafeta', 'DHL', 'Correos de México'],
  },
  {
    code: 'US',
    currency: 'USD',
    share: 8,
    first: ['Emily', 'Michael', 'Jessica', 'Christopher', 'Ashley', 'Matthew', 'Sarah', 'Daniel'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Martinez', 'Anderson', 'Thomas', 'Moore'],
    mailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
    // 555-01xx numbers are reserved for fiction: no real person gets a demo call.
    overflowPhone: (r) => `+1 ${pick(r, usAreaCodes)} 555 01${digits(r, 2)}`,
    cities: [
      {
        city: 'New York',
        postalCode: '10001',
        region: 'NY',
        street: 'West 34th Street',
        zone: 'America/New_York',
        phone: (r) => `+1 212 555 01${digits(r, 2)}`,
      },
      {
        city: 'Chicago',
        postalCode: '60601',
        region: 'IL',
        street: 'North Michigan Avenue',
        zone: 'America/Chicago',
        phone: (r) => `+1 312 555 01${digits(r, 2)}`,
      },
      {
        city: 'Denver',
        postalCode: '80202',
        region: 'CO',
        street: 'Larimer Street',
        zone: 'America/Denver',
        phone: (r) => `+1 720 555 01${digits(r, 2)}`,
      },
      {
        city: 'San Francisco',
        postalCode: '94103',
        region: 'CA',
        street: 'Valencia Street',
        zone: 'America/Los_Angeles',
        phone: (r) => `+1 415 555 01${digits(r, 2)}`,
      },
    ],
    couriers: ['UPS', 'USPS', 'FedEx'],
  },
  {
    // The shop sells to Australia too, so whatever the hour in Europe some client is inside calling hours.
    code: 'AU',
    currency: 'AUD',
    share: 8,
    first: ['Olivia', 'Jack', 'Charlotte', 'Liam', 'Mia', 'Noah', 'Chloe', 'Lachlan'],
    last: ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Kelly'],
    mailDomains: ['gmail.com', 'bigpond.com', 'outlook.com.au', 'optusnet.com.au'],
    cities: [
      // 5550 xxxx landlines are set aside for fiction in every Australian area code.
      ['Sydney', '2000', 'NSW', 'George Street', 'Australia/Sydney', '2'],
      ['Melbourne', '3000', 'VIC', 'Collins Street', 'Australia/Melbourne', '3'],
      ['Brisbane', '4000', 'QLD', 'Queen Street', 'Australia/Brisbane', '7'],
      ['Perth', '6000', 'WA', 'Hay Street', 'Australia/Perth', '8'],
    ].map(([city, postalCode, region, street, zone, area]) => ({
      city: city!,
      postalCode: postalCode!,
      region: region!,
      street: street!,
      zone: zone!,
      phone: (r: Random) => `+61 ${area} 5550 ${digits(r, 4)}`,
    })),
    couriers: ['Australia Post', 'StarTrack', 'Aramex'],
  },
];
