/**
 * Notebook 05-timeline (events, summitry and the timeline): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
