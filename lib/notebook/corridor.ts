/**
 * Notebook 02-middle-corridor (scopes, headline figures, growth, capacity and targets): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
