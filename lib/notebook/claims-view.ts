/**
 * Notebook 01-claims (the claims register in words and tables): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
