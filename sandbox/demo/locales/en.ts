import type { DemoLocale } from './types';

/** A US sales team selling IT services to small businesses. */
export const EN: DemoLocale = {
  account: { name: 'Demo', country: 'US', currency: 'USD', currency_symbol: '$' },
  priceScale: 1 / 90,
  priceStep: 10,
  groups: ['Management', 'Sales team 1', 'Sales team 2'],
  users: [
    ['Emily Carter', 'emily.carter'],
    ['James Miller', 'j.miller'],
    ['Olivia Brooks', 'o.brooks'],
    ['Michael Turner', 'm.turner'],
    ['Sarah Collins', 's.collins'],
    ['Daniel Reed', 'd.reed'],
    ['Jessica Hayes', 'j.hayes'],
  ],
  pipelines: { main: 'Sales', repeat: 'Repeat sales' },
  incoming: 'Incoming leads',
  won: 'Closed - won',
  lost: 'Closed - lost',
  stages: {
    main: [
      'New lead',
      'In progress',
      'Qualified',
      'Proposal sent',
      'Billing details received',
      'Contract/invoice sent',
      'Payment received',
    ],
    repeat: ['New request', 'Choosing a solution', 'Proposal sent', 'Payment received'],
  },
  sideStage: 'No answer',
  lossReasons: [
    'Too expensive',
    'Chose a competitor',
    'No budget',
    'Could not reach',
    'No need',
    'Timing did not suit',
    'Spam / duplicate',
  ],
  tags: ['website', 'chat', 'call', 'referral', 'trade show', 'import', 'regular client'],
  fields: {
    product: 'Product',
    products: ['CRM rollout', 'Integration', 'Training', 'Support plan'],
    utmSources: ['google', 'bing', 'facebook', 'newsletter', 'partner'],
  },
  defaultName: id => `Lead #${id}`,
  hostileText: 'Deal <b>bold</b> & "quotes"',
  companies: [
    'Northwind', 'Blue Ridge Supply', 'Summit Builders', 'Granite Works', 'Meridian Group',
    'Techsphere', 'Pioneer Logistics', 'Sunny Valley Foods', 'Harbor Services', 'Orion Systems',
    'Square One', 'Keystone Partners', 'Polar Windows', 'Great Lakes Steel', 'Forward Media',
    'Evergreen Health', 'Prime Print', 'Delta Energy', 'Cedar Creek', 'Atlas Freight',
    'Gradient Labs', 'Riverside Clinic', 'Pegasus Travel', 'Green Valley Farms', 'Crystal Water',
    'Olympus Fitness', 'Bright Consulting', 'Bayview Dental',
  ],
  people: [
    'John Smith', 'Linda Johnson', 'Robert Brown', 'Karen Davis', 'David Wilson', 'Susan Moore',
    'Mark Taylor', 'Nancy Anderson', 'Paul Thomas', 'Laura Jackson', 'Kevin White', 'Amy Harris',
  ],
  client: (r, company, person) => {
    if (r < 0.27) return person;
    if (r < 0.83) return `${company} LLC`;
    return r < 0.96 ? `${company} Inc.` : `${company} Corp.`;
  },
  subjects: [
    'equipment supply', 'CRM for {n} seats', 'CRM rollout', 'annual maintenance',
    'office supplies', 'QuickBooks integration', 'sales team audit', 'sales training',
    'VoIP for {n} lines', 'ad campaign setup', 'website build', 'server hosting',
    '{n} licenses', 'tech support', 'CCTV installation', 'warehouse automation',
    'intranet portal', 'laptops, {n} pcs', 'office fit-out', 'ERP support', 'website chatbot',
    'data migration from Excel',
  ],
  repeatSubjects: [
    'license renewal', '{n} more seats', 'plan upgrade', 'support renewal', 'add-on module',
    'new staff training', 'integration changes',
  ],
}; // prettier-ignore
