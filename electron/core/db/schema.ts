/**
 * The whole product's SQL schema (drizzle-kit reads this file: see drizzle.config.ts). Tables are
 * grouped by concern under tables/; the FTS5 search tables live in a custom migration (drizzle's
 * schema cannot express virtual tables), see drizzle/*_fts.sql.
 */
export * from './tables/organisation';
export * from './tables/catalogue';
export * from './tables/contacts';
export * from './tables/cases';
export * from './tables/mail';
export * from './tables/relations';
export * from './tables/json-types';
