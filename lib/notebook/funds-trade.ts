/**
 * Notebook 04-funds-and-trade (funds with a partner state and its trade with Central Asia): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
