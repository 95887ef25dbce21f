/** Thai parsing and formatting: digits, dates, fiscal years, amounts and periods. */
export * from './digits';
export * from './dates';
export * from './fiscal';
export * from './numbers';
export * from './period';
export * from './bahttext';
