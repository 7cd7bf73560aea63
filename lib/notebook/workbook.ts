/**
 * Notebook 06-seminar-workbook (exercises built from the data at the as-of date): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
